export type { PipeDefinition, PipeSource, PipeTarget } from './pipe-definition.ts';
export { deliverPipeBatch, PipeDeliveryError, type PipeDependencies } from './pipe-delivery.ts';
export { compilePipeTemplate, type PipeTemplateContext, renderPipeTemplate } from './pipe-input-template.ts';
export { type PipeInfo, PipesEmulator, type PipesEmulatorOptions } from './pipes-emulator.ts';
