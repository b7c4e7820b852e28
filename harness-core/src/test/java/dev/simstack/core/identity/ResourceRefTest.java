package dev.simstack.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceRefTest {

    private static final String ACCOUNT = "000000000000";

    @Test
    void every_service_round_trips_through_its_arn() {
        for (ResourceRef ref : new ResourceRef[] {
                ResourceRef.queue("eu-west-1", ACCOUNT, "orders.fifo"),
                ResourceRef.table("us-east-1", ACCOUNT, "orders"),
                ResourceRef.function("us-west-2", ACCOUNT, "worker"),
                ResourceRef.api("us-east-1", "", "a1b2c3d4e5"),
                ResourceRef.bucket("", "", "receipts"),
                new ResourceRef(AwsService.IAM, "", ACCOUNT, "service-role/worker"),
                new ResourceRef(AwsService.STS, "", ACCOUNT, "worker/session-1")}) {
            assertThat(ResourceRef.fromArn(ref.arn())).isEqualTo(ref);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "arn:aws:sqs:us-east-1:000000000000:orders, SQS, us-east-1, 000000000000, orders",
            "arn:aws:dynamodb:us-east-1:000000000000:table/orders, DYNAMODB, us-east-1, 000000000000, orders",
            "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2026-01-01T00:00:00.000,"
                    + " DYNAMODB, us-east-1, 000000000000, orders",
            "arn:aws:dynamodb:us-east-1:000000000000:table/orders/index/by-status, DYNAMODB, us-east-1,"
                    + " 000000000000, orders",
            "arn:aws:lambda:us-east-1:000000000000:function:worker, LAMBDA, us-east-1, 000000000000, worker",
            "arn:aws:lambda:us-east-1:000000000000:function:worker:live, LAMBDA, us-east-1, 000000000000, worker",
            "arn:aws:lambda:us-east-1:000000000000:function:worker:$LATEST, LAMBDA, us-east-1, 000000000000, worker",
            "arn:aws:s3:::receipts/2026/01/r.json, S3, '', '', receipts",
            "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod, APIGATEWAY, us-east-1, '', a1b2c3d4e5",
            "arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/prod/POST/orders, APIGATEWAY, us-east-1,"
                    + " 000000000000, a1b2c3d4e5"})
    void sub_resource_arns_name_their_resource(String arn, AwsService service, String region, String account,
            String name) {
        assertThat(ResourceRef.fromArn(arn)).isEqualTo(new ResourceRef(service, region, account, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "orders", "arn:aws:sqs:us-east-1:000000000000", "arn:aws:sqs::000000000000:orders",
            "arn:aws:dynamodb:us-east-1:000000000000:orders", "arn:aws:lambda:us-east-1:000000000000:layer:x",
            "arn:aws:s3:us-east-1:000000000000:receipts", "arn:aws:sns:us-east-1:000000000000:topic",
            "arn:aws:lambda:us-east-1:000000000000:function:"})
    void a_malformed_arn_is_refused_saying_why(String arn) {
        assertThatThrownBy(() -> ResourceRef.fromArn(arn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + arn + "' is not a resource ARN SimStack can read: ");
    }

    @Test
    void a_role_arn_keeps_its_path_and_an_assumed_role_arn_its_session() {
        assertThat(ResourceRef.fromArn("arn:aws:iam::000000000000:role/service-role/worker"))
                .isEqualTo(new ResourceRef(AwsService.IAM, "", ACCOUNT, "service-role/worker"));
        assertThat(ResourceRef.fromArn("arn:aws:sts::000000000000:assumed-role/worker/s1").name())
                .isEqualTo("worker/s1");
        assertThatThrownBy(() -> ResourceRef.fromArn("arn:aws:iam::000000000000:user/bob"))
                .hasMessageContaining("not the ARN of a iam resource SimStack knows (e.g. arn:aws:iam::000000000000:role/worker)");
    }

    @Test
    void an_unknown_service_is_named_in_the_refusal() {
        assertThatThrownBy(() -> ResourceRef.fromArn("arn:aws:sns:us-east-1:000000000000:topic"))
                .hasMessageContaining("not 'sns'");
    }

    @Test
    void services_are_found_by_signing_name_and_carry_their_throttling_error() {
        assertThat(AwsService.bySigningName("dynamodb")).isEqualTo(AwsService.DYNAMODB);
        assertThat(AwsService.S3.throttlingError().code()).isEqualTo("SlowDown");
        assertThat(AwsService.S3.throttlingError().status()).isEqualTo(503);
        assertThatThrownBy(() -> AwsService.bySigningName("sns"))
                .hasMessage("no service with signing name 'sns'; a stack serves sqs, dynamodb, s3, lambda, apigateway, sts, iam, cloudformation");
    }

    @Test
    void another_region_keeps_the_rest() {
        ResourceRef table = ResourceRef.table("us-east-1", ACCOUNT, "orders");
        assertThat(table.inRegion("eu-west-1").arn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/orders");
    }
}
