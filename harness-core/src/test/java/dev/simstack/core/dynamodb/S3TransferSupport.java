package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.def;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.hash;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.range;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

/** A DynamoDB client and an S3 client on one stack, for exports to S3 and imports from it. */
final class S3TransferSupport implements AutoCloseable {

    final DynamoDbTestSupport support = DynamoDbTestSupport.start();
    final S3Client s3 = S3Client.builder().endpointOverride(support.stack.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(DynamoDbTestSupport.CREDENTIALS))
            .forcePathStyle(true).build();

    /** An on-demand table keyed by string {@code pk} and number {@code sk}, point-in-time recovery enabled. */
    String recoverableTable(String name) {
        support.dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.N))
                .keySchema(hash("pk"), range("sk")));
        support.dynamo.updateContinuousBackups(b -> b.tableName(name)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        return support.dynamo.describeTable(b -> b.tableName(name)).table().tableArn();
    }

    String text(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    String gunzipped(String bucket, String key) {
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(String bucket, String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    void put(String bucket, String key, String text) {
        put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        s3.close();
        support.close();
    }
}
