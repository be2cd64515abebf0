/**
 * cognito-local's server, assembled as its own `createDefaultServer` (lib/server/defaults.js of
 * cognito-local 5.3.0) assembles it, except for the messages: codes sent by e-mail (sign-up, resend,
 * forgot password, attribute verification, admin invitations) go to the sandbox's SES engine as
 * Cognito would send them, so they land in the inbox; SMS codes are still printed to the log.
 * Plain CommonJS on purpose: it runs in the engine's child process with bare `node`.
 *
 * Environment: `STRATUM_SES_ENDPOINT` (the SES engine's URL; unset = codes are only logged).
 */
const AWS = require('aws-sdk');
const pino = require('pino');
const { CognitoServiceFactoryImpl } = require('cognito-local/lib/services/cognitoService');
const { CryptoService } = require('cognito-local/lib/services/crypto');
const { StormDBDataStoreFactory } = require('cognito-local/lib/services/dataStore/stormDb');
const { ConsoleMessageSender } = require('cognito-local/lib/services/messageDelivery/consoleMessageSender');
const { MessageDeliveryService } = require('cognito-local/lib/services/messageDelivery/messageDelivery');
const { otp } = require('cognito-local/lib/services/otp');
const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator');
const { UserPoolServiceFactoryImpl } = require('cognito-local/lib/services/userPoolService');
const { DateClock, LambdaService, MessagesService, TriggersService } = require('cognito-local/lib/services');
const { loadConfig } = require('cognito-local/lib/server/config');
const { Router } = require('cognito-local/lib/server/Router');
const { createServer } = require('cognito-local/lib/server/server');

/** Cognito's own defaults when a pool sets no verification message (COGNITO_DEFAULT e-mail). */
const DEFAULT_SUBJECT = 'Your verification code';
const DEFAULT_MESSAGE = 'Your verification code is {####}. ';
const DEFAULT_FROM = 'no-reply@verificationemail.com';
const INVITATION_SUBJECT = 'Your temporary password';
const INVITATION_MESSAGE = 'Your username is {username} and temporary password is {####}. ';

/**
 * The e-mail Cognito sends for a code: a CustomMessage trigger's subject and body when it gave
 * some; otherwise the pool's invitation template (AdminCreateUser) or verification template.
 */
function composeEmail(pool, source, user, message) {
  const template = pool.VerificationMessageTemplate ?? {};
  const invitation = pool.AdminCreateUserConfig?.InviteMessageTemplate ?? {};
  const isInvitation = source === 'AdminCreateUser';
  const subject =
    message.emailSubject ??
    (isInvitation
      ? (invitation.EmailSubject ?? INVITATION_SUBJECT)
      : (template.EmailSubject ?? pool.EmailVerificationSubject ?? DEFAULT_SUBJECT));
  const body =
    message.emailMessage ??
    (isInvitation
      ? (invitation.EmailMessage ?? INVITATION_MESSAGE)
      : (template.EmailMessage ?? pool.EmailVerificationMessage ?? DEFAULT_MESSAGE));
  const text = body.replaceAll('{####}', message.__code ?? '').replaceAll('{username}', user.Username);
  const from =
    pool.EmailConfiguration?.From ?? pool.EmailConfiguration?.SourceArn?.split('/').pop() ?? DEFAULT_FROM;
  return { from, subject, text };
}

/** SES v2 `SendEmail` with a placeholder signature: the local engine checks none. */
async function sendWithSes(endpoint, to, email) {
  const isHtml = /<[a-z][\s\S]*>/i.test(email.text);
  const response = await fetch(`${endpoint}/v2/email/outbound-emails`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // The engine wants some credentials, and verifies none.
      authorization: `AWS4-HMAC-SHA256 Credential=COGNITOLOCAL/${new Date().toISOString().slice(0, 10).replaceAll('-', '')}/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify({
      FromEmailAddress: email.from,
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject },
          Body: isHtml ? { Html: { Data: email.text } } : { Text: { Data: email.text } },
        },
      },
    }),
  });
  if (!response.ok) throw new Error(`SES answered ${response.status}: ${await response.text()}`);
}

/** cognito-local's MessagesService, with e-mail delivered through SES (see the file's comment). */
class SesMessages {
  constructor(inner, cognitoClient, sesEndpoint) {
    this.inner = inner;
    this.cognitoClient = cognitoClient;
    this.sesEndpoint = sesEndpoint;
  }

  async deliver(ctx, source, clientId, userPoolId, user, code, clientMetadata, deliveryDetails) {
    if (
      !this.sesEndpoint ||
      deliveryDetails.DeliveryMedium !== 'EMAIL' ||
      this.inner.triggers.enabled('CustomEmailSender')
    ) {
      return this.inner.deliver(
        ctx,
        source,
        clientId,
        userPoolId,
        user,
        code,
        clientMetadata,
        deliveryDetails,
      );
    }
    // MessagesService.create runs the CustomMessage trigger when the pool has one.
    const message = await this.inner.create(ctx, source, clientId, userPoolId, user, code, clientMetadata);
    const pool = await this.cognitoClient.getUserPool(ctx, userPoolId);
    const email = composeEmail(pool.options, source, user, message);
    await sendWithSes(this.sesEndpoint, deliveryDetails.Destination, email);
    ctx.logger.info(
      { to: deliveryDetails.Destination, subject: email.subject },
      'code sent to the SES inbox',
    );
  }
}

async function createSandboxServer(logger) {
  const configDirectory = '.cognito';
  const dataDirectory = `${configDirectory}/db`;
  const ctx = { logger };
  const config = await loadConfig(ctx, new StormDBDataStoreFactory(configDirectory));
  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(dataDirectory);
  const cognitoServiceFactory = new CognitoServiceFactoryImpl(
    dataDirectory,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  );
  const cognitoClient = await cognitoServiceFactory.create(ctx, config.UserPoolDefaults);
  const triggers = new TriggersService(
    clock,
    cognitoClient,
    new LambdaService(config.TriggerFunctions, new AWS.Lambda(config.LambdaClient)),
    new CryptoService(config.KMSConfig),
  );
  const services = {
    clock,
    cognito: cognitoClient,
    config,
    messages: new SesMessages(
      new MessagesService(triggers, new MessageDeliveryService(new ConsoleMessageSender())),
      cognitoClient,
      process.env.STRATUM_SES_ENDPOINT,
    ),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  return createServer(Router(services), logger, config.ServerConfig, services);
}

const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info' });
createSandboxServer(logger)
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    logger.info(
      `Cognito Local running on ${typeof address === 'string' ? address : `${address?.address}:${address?.port}`}`,
    );
  })
  .catch((error) => {
    logger.error(error);
    process.exit(1);
  });
