package dev.simstack.core.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The SDK-facing scenarios run through both transports: each writes what it saw into a transcript. */
enum Scenario {

    SQS_SEND_RECEIVE_DELETE_BATCH {
        @Override
        void run(Clients c, Transcript t) {
            SqsClient sqs = c.sqs();
            String url = t.call("GetQueueUrl", () -> sqs.getQueueUrl(b -> b.queueName("orders"))).queueUrl();
            t.call("SendMessageBatch", () -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                    SendMessageBatchRequestEntry.builder().id("a").messageBody("{\"order\":1}").build(),
                    SendMessageBatchRequestEntry.builder().id("b").messageBody("{\"order\":2}")
                            .messageAttributes(Map.of("kind", software.amazon.awssdk.services.sqs.model
                                    .MessageAttributeValue.builder().dataType("String").stringValue("gift").build()))
                            .build())));
            List<Message> received = t.call("ReceiveMessage", () -> sqs.receiveMessage(b -> b.queueUrl(url)
                    .maxNumberOfMessages(10).messageAttributeNames("All").messageSystemAttributeNamesWithStrings(
                            "ApproximateReceiveCount"))).messages();
            t.call("DeleteMessageBatch", () -> sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(received.stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                            .receiptHandle(m.receiptHandle()).build()).toList())));
            t.call("ReceiveMessage empty", () -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)));
            t.call("GetQueueUrl missing", () -> sqs.getQueueUrl(b -> b.queueName("missing")));
        }
    },

    SQS_FIFO {
        @Override
        void run(Clients c, Transcript t) {
            SqsClient sqs = c.sqs();
            String url = t.call("GetQueueUrl", () -> sqs.getQueueUrl(b -> b.queueName("orders.fifo"))).queueUrl();
            for (String body : List.of("first", "second", "first")) {
                t.call("SendMessage " + body, () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)
                        .messageGroupId("g").messageDeduplicationId(body)));
            }
            t.call("SendMessage without group", () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")));
            List<Message> received = t.call("ReceiveMessage", () -> sqs.receiveMessage(b -> b.queueUrl(url)
                    .maxNumberOfMessages(10))).messages();
            t.call("DeleteMessage", () -> sqs.deleteMessage(b -> b.queueUrl(url)
                    .receiptHandle(received.get(0).receiptHandle())));
        }
    },

    DYNAMODB_PUT_GET_QUERY_CONDITION {
        @Override
        void run(Clients c, Transcript t) {
            DynamoDbClient dynamodb = c.dynamodb();
            for (int i = 1; i <= 3; i++) {
                Map<String, AttributeValue> item = Map.of("pk", s("customer-1"), "sk", s("order-" + i),
                        "total", AttributeValue.fromN(i + ".50"), "lines", AttributeValue.fromL(List.of(s("book"))));
                t.call("PutItem " + i, () -> dynamodb.putItem(b -> b.tableName("orders").item(item)));
            }
            t.call("GetItem", () -> dynamodb.getItem(b -> b.tableName("orders")
                    .key(Map.of("pk", s("customer-1"), "sk", s("order-2")))));
            t.call("Query", () -> dynamodb.query(b -> b.tableName("orders")
                    .keyConditionExpression("pk = :c AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":c", s("customer-1"), ":from", s("order-2"),
                            ":to", s("order-9")))));
            t.call("PutItem conditional", () -> dynamodb.putItem(b -> b.tableName("orders")
                    .item(Map.of("pk", s("customer-1"), "sk", s("order-1")))
                    .conditionExpression("attribute_not_exists(pk)")));
            t.call("GetItem missing table", () -> dynamodb.getItem(b -> b.tableName("nope")
                    .key(Map.of("pk", s("x")))));
        }
    },

    S3_OBJECTS {
        @Override
        void run(Clients c, Transcript t) {
            S3Client s3 = c.s3();
            for (int size : new int[] {1024, 8 * 1024 * 1024}) {
                byte[] bytes = bytes(size);
                String key = "objects/" + size + ".bin";
                t.call("PutObject " + size, () -> s3.putObject(b -> b.bucket("uploads").key(key)
                        .contentType("application/octet-stream"), RequestBody.fromBytes(bytes)));
                get(s3, t, key);
            }
            t.call("HeadObject", () -> s3.headObject(b -> b.bucket("uploads").key("objects/1024.bin")));
            t.call("GetObject missing", () -> s3.getObjectAsBytes(b -> b.bucket("uploads").key("missing")).response());
            t.call("ListObjectsV2", () -> s3.listObjectsV2(b -> b.bucket("uploads")));
            t.call("DeleteObject", () -> s3.deleteObject(b -> b.bucket("uploads").key("objects/1024.bin")));
        }
    },

    S3_MULTIPART {
        @Override
        void run(Clients c, Transcript t) {
            S3Client s3 = c.s3();
            String id = t.call("CreateMultipartUpload", () -> s3.createMultipartUpload(b -> b.bucket("uploads")
                    .key("big.bin"))).uploadId();
            byte[] first = bytes(5 * 1024 * 1024);
            byte[] second = bytes(1024);
            String etag1 = t.call("UploadPart 1", () -> s3.uploadPart(b -> b.bucket("uploads").key("big.bin")
                    .uploadId(id).partNumber(1), RequestBody.fromBytes(first))).eTag();
            String etag2 = t.call("UploadPart 2", () -> s3.uploadPart(b -> b.bucket("uploads").key("big.bin")
                    .uploadId(id).partNumber(2), RequestBody.fromBytes(second))).eTag();
            t.call("CompleteMultipartUpload", () -> s3.completeMultipartUpload(b -> b.bucket("uploads")
                    .key("big.bin").uploadId(id).multipartUpload(u -> u.parts(
                            CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                            CompletedPart.builder().partNumber(2).eTag(etag2).build()))));
            get(s3, t, "big.bin");
        }
    },

    LAMBDA_INVOKE {
        @Override
        void run(Clients c, Transcript t) {
            LambdaClient lambda = c.lambda();
            var answer = t.call("Invoke", () -> lambda.invoke(b -> b.functionName("echo")
                    .payload(SdkBytes.fromUtf8String("{\"order\":7}"))));
            t.add("payload " + answer.payload().asUtf8String());
            t.call("Invoke missing", () -> lambda.invoke(b -> b.functionName("missing")));
            t.call("GetFunction", () -> lambda.getFunction(b -> b.functionName("echo")));
        }
    },

    API_GATEWAY_CONTROL_PLANE {
        @Override
        void run(Clients c, Transcript t) {
            ApiGatewayClient apigateway = c.apigateway();
            String id = t.call("GetRestApis", apigateway::getRestApis).items().get(0).id();
            t.call("GetResources", () -> apigateway.getResources(b -> b.restApiId(id)));
            t.call("CreateRestApi", () -> apigateway.createRestApi(b -> b.name("more")));
            t.call("GetRestApi missing", () -> apigateway.getRestApi(b -> b.restApiId("nope")));
        }
    };

    abstract void run(Clients c, Transcript t);

    /** Reads an object as a stream, recording its head and its bytes' digest (8 MiB is not a transcript line). */
    private static void get(S3Client s3, Transcript t, String key) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket("uploads").key(key))) {
            t.add("GetObject " + key + " -> " + in.response().sdkHttpResponse().statusCode() + " " + in.response()
                    + " sha256 " + sha256(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }
}
