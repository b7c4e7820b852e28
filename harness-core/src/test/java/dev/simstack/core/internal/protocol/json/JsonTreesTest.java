package dev.simstack.core.internal.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

    private final JsonTrees json = new JsonTrees();

    private JsonNode read(String text) throws IOException {
        return json.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_every_json_value_and_keeps_decimals_exact() throws IOException {
        String text = "{\"a\":[1,2.50,{\"b\":null}],\"c\":true,\"d\":\"x\\u00e9\",\"e\":123456789012345678901234567890}";
        assertThat(read(text).toString()).isEqualTo(new ObjectMapper().readTree(text.replace("2.50", "2.5")).toString()
                .replace("2.5", "2.50"));
        assertThat(new String(json.write(read(text)), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":[1,2.50,{\"b\":null}],\"c\":true,\"d\":\"xé\",\"e\":123456789012345678901234567890}");
    }

    @Test
    void an_empty_document_is_null_and_trailing_content_is_an_error() throws IOException {
        assertThat(read("  ")).isNull();
        assertThatThrownBy(() -> read("{} {}")).isInstanceOf(IOException.class).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> read("{\"a\":")).isInstanceOf(IOException.class);
    }

    @Test
    void absurd_nesting_is_refused() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertThatThrownBy(() -> read(deep)).isInstanceOf(IOException.class);
    }

    @Property(tries = 200)
    void strings_survive_a_round_trip(@ForAll String text) throws IOException {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("s", text);
        assertThat(json.read(json.write(node)).get("s").textValue()).isEqualTo(text);
    }
}
