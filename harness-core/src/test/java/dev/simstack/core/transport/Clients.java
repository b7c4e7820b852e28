package dev.simstack.core.transport;

import dev.simstack.core.Stack;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One client of each service, over one transport, closed together. */
record Clients(SqsClient sqs, DynamoDbClient dynamodb, S3Client s3, LambdaClient lambda, ApiGatewayClient apigateway)
        implements AutoCloseable {

    static Clients of(Stack stack, Transport transport) {
        return new Clients(transport.client(SqsClient.builder(), stack),
                transport.client(DynamoDbClient.builder(), stack),
                transport.client(S3Client.builder().forcePathStyle(true), stack),
                transport.client(LambdaClient.builder(), stack),
                transport.client(ApiGatewayClient.builder(), stack));
    }

    @Override
    public void close() {
        sqs.close();
        dynamodb.close();
        s3.close();
        lambda.close();
        apigateway.close();
    }
}
