package dev.simstack.core.internal.arn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import org.junit.jupiter.api.Test;

/** An ARN from a request parameter is read as one service's resource, or not at all (null, never a throw). */
class ResourceArnsTest {

    @Test
    void an_arn_of_the_expected_service_is_its_resource() {
        assertThat(ResourceArns.of(AwsService.SQS, "arn:aws:sqs:eu-west-1:000000000000:orders"))
                .isEqualTo(ResourceRef.queue("eu-west-1", "000000000000", "orders"));
        assertThat(ResourceArns.of(AwsService.LAMBDA, "arn:aws:lambda:us-east-1:000000000000:function:worker:live"))
                .isEqualTo(ResourceRef.function("us-east-1", "000000000000", "worker"));
    }

    @Test
    void another_services_arn_a_malformed_one_or_none_is_null() {
        assertThat(ResourceArns.of(AwsService.SQS, "arn:aws:lambda:us-east-1:000000000000:function:worker")).isNull();
        assertThat(ResourceArns.of(AwsService.SQS, "arn:aws:sqs:us-east-1:000000000000")).isNull();
        assertThat(ResourceArns.of(AwsService.SQS, "arn:aws:sqs:us-east-1:000000000000:a:b")).isNull();
        assertThat(ResourceArns.of(AwsService.SQS, "arn:aws:kinesis:us-east-1:000000000000:stream/s")).isNull();
        assertThat(ResourceArns.of(AwsService.SQS, "orders")).isNull();
        assertThat(ResourceArns.of(AwsService.SQS, null)).isNull();
    }
}
