package dev.simstack.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OperationTableTest {

    private static final ServiceDescriptor SQS = new ServiceDescriptor("sqs", "AmazonSQS", "1.0", "com.amazonaws.sqs",
            true, false, null);

    @Test
    void handler_is_the_one_put_under_the_calls_operation() {
        OperationTable<String> table = OperationTable.forJsonAndQuery(SQS);
        table.put("SendMessage", "send");
        table.put("ReceiveMessage", "receive");

        assertThat(table.handler(call("ReceiveMessage", "json"))).isEqualTo("receive");
    }

    @Test
    void unknown_operation_in_json_is_unknown_operation_naming_the_target() {
        OperationTable<String> table = OperationTable.forJsonAndQuery(SQS);

        assertThatThrownBy(() -> table.handler(call("Frobnicate", "json")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("UnknownOperationException");
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessage("Operation AmazonSQS.Frobnicate is not supported.");
    }

    @Test
    void unknown_action_in_query_is_invalid_action() {
        OperationTable<String> table = OperationTable.forJsonAndQuery(SQS);

        assertThatThrownBy(() -> table.handler(call("Frobnicate", "query")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidAction"))
                .hasMessage("The action Frobnicate is not valid for this endpoint.");
    }

    @Test
    void unknown_rest_operation_is_the_services_own_error() {
        OperationTable<String> table = OperationTable.forRest(operation -> new AwsException("NotImplemented", 501,
                operation + " is not implemented"));

        assertThatThrownBy(() -> table.handler(call("GetBucketLogging", "rest-xml")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("NotImplemented"))
                .hasMessage("GetBucketLogging is not implemented");
    }

    @Test
    void an_operation_put_twice_is_refused() {
        OperationTable<String> table = OperationTable.forJsonAndQuery(SQS);
        table.put("SendMessage", "send");

        assertThatThrownBy(() -> table.put("SendMessage", "other"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Operation SendMessage is registered twice");
    }

    private static DecodedCall call(String operation, String protocol) {
        return new DecodedCall("sqs", operation, "us-east-1", "000000000000", "request", protocol, null, null,
                Instant.EPOCH, JsonNodeFactory.instance.objectNode());
    }
}
