/**
 * The orders sample application: {@code POST /orders} and {@code GET /orders/{id}} on API Gateway
 * ({@link dev.simstack.sample.OrdersApi}), an SQS queue with a dead-letter queue, and a worker Lambda
 * ({@link dev.simstack.sample.PaymentWorker}) that charges a payment provider, marks the order PAID in
 * DynamoDB and writes a receipt to S3. {@code template.yaml} (SAM) describes its resources.
 *
 * <p>Its code depends on the AWS SDK for Java v2 and the Lambda Java interfaces only, and reads its
 * configuration from the environment, so it deploys to AWS unchanged; nothing in it knows SimStack.
 */
package dev.simstack.sample;
