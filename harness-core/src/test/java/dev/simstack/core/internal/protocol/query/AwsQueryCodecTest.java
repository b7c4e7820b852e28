package dev.simstack.core.internal.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.protocol.QueryShapes;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.QueryShapes.Rule;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsQueryCodecTest {

    private static final QueryShapes SHAPES = QueryShapes.builder("http://example/doc/")
            .input("Attribute", Rule.map("Attributes", "Name", "Value"))
            .input("Entry", Rule.list("Entries"))
            .input("Tag", Rule.map("Tags", "Key", "Value"))
            .input("Create", "Tag", Rule.map("tags", "Key", "Value"))
            .output("Items", Rule.list("Item"))
            .output("Attributes", Rule.map("Attribute", "Name", "Value"))
            .build();
    private static final ServiceDescriptor SERVICE =
            new ServiceDescriptor("demo", "Demo", "1.0", "com.example", true, false, SHAPES);

    private final AwsQueryCodec codec = new AwsQueryCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    private static HttpExchange form(String body) {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return new HttpExchange("POST", "/", Map.of(), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_maps_lists_and_nested_structures_into_the_json_shape() {
        var decoded = codec.decode(form("Action=Put&Version=2012-11-05&QueueUrl=http%3A%2F%2Fh%2Fq"
                + "&Attribute.2.Name=B&Attribute.2.Value=2&Attribute.1.Name=A&Attribute.1.Value=1"
                + "&Entry.10.Id=ten&Entry.2.Id=two&Entry.2.Inner.Deep=x"), SERVICE);

        assertThat(decoded.operation()).isEqualTo("Put");
        assertThat(decoded.input().toString()).isEqualTo("{\"Attributes\":{\"A\":\"1\",\"B\":\"2\"},"
                + "\"Entries\":[{\"Id\":\"two\",\"Inner\":{\"Deep\":\"x\"}},{\"Id\":\"ten\"}],\"QueueUrl\":\"http://h/q\"}");
    }

    @Test
    void an_operation_specific_rule_wins_over_the_general_one() {
        assertThat(codec.decode(form("Action=Create&Tag.1.Key=k&Tag.1.Value=v"), SERVICE).input().toString())
                .isEqualTo("{\"tags\":{\"k\":\"v\"}}");
        assertThat(codec.decode(form("Action=Other&Tag.1.Key=k&Tag.1.Value=v"), SERVICE).input().toString())
                .isEqualTo("{\"Tags\":{\"k\":\"v\"}}");
    }

    @Test
    void malformed_parameters_get_malformed_query_string() {
        assertThatThrownBy(() -> codec.decode(form("Action=Put&Attribute.x.Name=A"), SERVICE))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MalformedQueryString");
                    assertThat(e.status()).isEqualTo(400);
                });
        assertThatThrownBy(() -> codec.decode(form("Action=Put&A=1&A.B=2"), SERVICE))
                .isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> codec.decode(form("Action=Put&A..B=2"), SERVICE))
                .isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> codec.decode(form("Attribute.1.Name=A"), SERVICE))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("MissingParameter"));
    }

    @Test
    void writes_flattened_lists_and_maps_and_escapes_text() {
        ObjectNode output = mapper.createObjectNode();
        output.putArray("Items").addObject().put("Body", "a<b & \"c\"\r\n");
        output.putObject("Attributes").put("X", "1");
        output.put("Count", 2);

        HttpAnswer answer = codec.success(SERVICE, "List", "req-1", output);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\"?>"
                + "<ListResponse xmlns=\"http://example/doc/\"><ListResult>"
                + "<Item><Body>a&lt;b &amp; &quot;c&quot;&#xD;\n</Body></Item>"
                + "<Attribute><Name>X</Name><Value>1</Value></Attribute><Count>2</Count>"
                + "</ListResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ListResponse>");
    }

    @Test
    void an_empty_output_still_has_its_result_element() {
        HttpAnswer answer = codec.success(SERVICE, "List", "req-2", mapper.createObjectNode());
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .contains("<ListResult></ListResult><ResponseMetadata><RequestId>req-2</RequestId>");
    }

    @Test
    void errors_use_the_query_code_and_fault_type() {
        HttpAnswer answer = codec.error(SERVICE, "Put", "req-3",
                new AwsException("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400, true, "gone"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\"?>"
                + "<ErrorResponse xmlns=\"http://example/doc/\"><Error><Type>Sender</Type>"
                + "<Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>gone</Message><Detail/></Error>"
                + "<RequestId>req-3</RequestId></ErrorResponse>");
    }
}
