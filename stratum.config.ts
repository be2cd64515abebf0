/**
 * The one file a Stratum user edits: organization, accounts, domains and stages.
 * The account ids below are placeholders so that `npm run synth` works out of the box;
 * replace them with your own before deploying (see README, "Deploy to your accounts").
 */
import { defineConfig } from '@stratum/config';

const nonProdSizes = {
  functionMemoryMb: 512,
  gatewayMemoryMb: 1024,
  apiRateLimit: 50,
  apiBurstLimit: 100,
  wafRateLimitPer5Min: 2000,
};

const prodSizes = {
  functionMemoryMb: 1024,
  gatewayMemoryMb: 1769, // one full vCPU: the gateway's cold start is CPU-bound
  apiRateLimit: 500,
  apiBurstLimit: 1000,
  wafRateLimitPer5Min: 5000,
};

const nonProd = {
  highAvailability: false,
  logRetentionDays: 30,
  backupRetentionDays: 7,
  deletionProtection: false,
  removalPolicy: 'destroy',
  maskErrors: false,
  advancedSecurity: false,
  alarms: { emails: [] },
  sizes: nonProdSizes,
} as const;

export default defineConfig({
  project: 'stratum',
  owner: 'platform-team',
  costCenter: 'cc-0000',
  homeRegion: 'eu-west-1',
  organization: { emailDomain: 'example.com' },
  accounts: {
    management: { id: '111111111111', email: 'aws-management@example.com', ou: 'Root' },
    'log-archive': { id: '222222222222', email: 'aws-log-archive@example.com', ou: 'Security' },
    audit: { id: '333333333333', email: 'aws-audit@example.com', ou: 'Security' },
    monitoring: { id: '444444444444', email: 'aws-monitoring@example.com', ou: 'Infrastructure' },
    'shared-services': { id: '555555555555', email: 'aws-shared@example.com', ou: 'Infrastructure' },
    dev: { id: '666666666666', email: 'aws-dev@example.com', ou: 'Workloads/NonProd' },
    integration: { id: '777777777777', email: 'aws-integration@example.com', ou: 'Workloads/NonProd' },
    preview: { id: '888888888888', email: 'aws-preview@example.com', ou: 'Workloads/NonProd' },
    staging: { id: '999999999999', email: 'aws-staging@example.com', ou: 'Workloads/NonProd' },
    prod: { id: '101010101010', email: 'aws-prod@example.com', ou: 'Workloads/Prod' },
    'prod-acme': { id: '121212121212', email: 'aws-prod-acme@example.com', ou: 'Workloads/Prod' },
    playground: { id: '131313131313', email: 'aws-playground@example.com', ou: 'Playground' },
  },
  domains: { root: 'stratum.example.com' },
  stages: {
    local: {
      ...nonProd,
      logRetentionDays: 1,
      subdomain: 'local',
      // Links in sandbox e-mails open the Vite dev server of web/app.
      notifications: { appUrl: 'http://localhost:5173' },
    },
    dev: { ...nonProd, account: 'dev', subdomain: 'dev' },
    preview: {
      ...nonProd,
      account: 'preview',
      logRetentionDays: 7,
      backupRetentionDays: 1,
      subdomain: 'preview',
    },
    integration: { ...nonProd, account: 'integration', subdomain: 'integration' },
    staging: {
      ...nonProd,
      account: 'staging',
      highAvailability: true,
      logRetentionDays: 90,
      backupRetentionDays: 14,
      maskErrors: true,
      alarms: { emails: ['oncall-staging@example.com'] },
      sizes: prodSizes,
      subdomain: 'staging',
    },
    prod: {
      account: 'prod',
      highAvailability: true,
      logRetentionDays: 365,
      backupRetentionDays: 35,
      deletionProtection: true,
      removalPolicy: 'retain',
      maskErrors: true,
      advancedSecurity: true,
      alarms: { emails: ['oncall@example.com'] },
      sizes: prodSizes,
      subdomain: '',
      // Every stage may set `notifications` (see packages/config/README.md); unset fields default
      // from the stage's domain: the SES identity is the domain (verify it in SES in the stage's
      // account before deploying), the sender `no-reply@<domain>`, the app URL
      // `https://<domain>`, and push is off. To send from elsewhere or enable push:
      //   notifications: {
      //     emailIdentity: 'stratum.example.com',
      //     senderAddress: 'Stratum <no-reply@stratum.example.com>',
      //     pushPlatformApplicationArn: 'arn:aws:sns:eu-west-1:101010101010:app/APNS/stratum',
      //   },
    },
  },
  tenants: [{ tenant: 'acme', account: 'prod-acme' }],
});
