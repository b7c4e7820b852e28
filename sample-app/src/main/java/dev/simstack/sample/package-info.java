/**
 * The orders sample application: API Gateway, SQS, a worker Lambda, DynamoDB and S3. Its main code
 * knows nothing of SimStack, so it deploys to AWS unchanged.
 *
 * <p>Thin until its issue lands: the engine in {@code harness-core} is built first.
 */
package dev.simstack.sample;
