export { ApplicationStage, type ApplicationStageProps } from './stages/application-stage.ts';
export { createStratumApp, STRATUM_CONTEXT, type StratumAppProps } from './stratum-app.ts';
