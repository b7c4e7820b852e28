package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.n;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Each condition is tested on one stored item: does a conditional put on it apply? */
class ConditionExpressionTest {

    private static DynamoDbTestSupport support;
    private static final Map<String, AttributeValue> DOCUMENT = new HashMap<>();

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.hashTable("docs");
        DOCUMENT.put("id", s("doc"));
        DOCUMENT.put("age", n(30));
        DOCUMENT.put("name", s("Alice Smith"));
        DOCUMENT.put("tags", AttributeValue.fromSs(List.of("red", "blue")));
        DOCUMENT.put("scores", AttributeValue.fromL(List.of(n(1), n(2), s("x"))));
        DOCUMENT.put("address", AttributeValue.fromM(Map.of("city", s("Paris"), "zip", s("75001"))));
        DOCUMENT.put("active", AttributeValue.fromBool(true));
        DOCUMENT.put("nothing", AttributeValue.fromNul(true));
        DOCUMENT.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "age = :thirty | true",
        "age <> :thirty | false",
        "age < :forty | true",
        "age >= :forty | false",
        "age BETWEEN :thirty AND :forty | true",
        "age IN (:one, :thirty) | true",
        "age IN (:one, :forty) | false",
        "absent <> :one | true",
        "absent = :one | false",
        "absent < :one | false",
        "age = :text | false",
        "age <> :text | true",
        "#n > :text | true",
        "attribute_exists(age) AND attribute_not_exists(absent) | true",
        "NOT attribute_exists(age) | false",
        "attribute_exists(address.city) | true",
        "attribute_exists(address.country) | false",
        "attribute_exists(scores[2]) | true",
        "attribute_exists(scores[3]) | false",
        "attribute_type(tags, :ss) | true",
        "attribute_type(age, :ss) | false",
        "begins_with(#n, :al) | true",
        "begins_with(address.city, :al) | false",
        "contains(#n, :smith) | true",
        "contains(tags, :red) | true",
        "contains(tags, :green) | false",
        "contains(scores, :one) | true",
        "size(#n) = :eleven | true",
        "size(tags) = :two | true",
        "size(scores) > :two | true",
        "size(address) = :two | true",
        "size(age) = :two | false",
        "age = :one OR age = :thirty | true",
        "age = :one OR (age = :thirty AND attribute_exists(absent)) | false",
        "NOT (age = :one) AND active = :true | true",
        "#nothing = :null | true",
        "address.city = :paris | true",
        "scores[1] = :two | true",
        "begins_with(bin, :prefix) | true",
    })
    void condition_on_the_document(String condition, boolean holds) {
        support.dynamo.putItem(b -> b.tableName("docs").item(DOCUMENT));
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> all = Map.ofEntries(Map.entry(":thirty", n(30)), Map.entry(":forty", n(40)),
                Map.entry(":one", n(1)), Map.entry(":two", n(2)), Map.entry(":eleven", n(11)),
                Map.entry(":text", s("30")), Map.entry(":ss", s("SS")), Map.entry(":al", s("Al")),
                Map.entry(":smith", s("Smith")), Map.entry(":red", s("red")), Map.entry(":green", s("green")),
                Map.entry(":true", AttributeValue.fromBool(true)), Map.entry(":null", AttributeValue.fromNul(true)),
                Map.entry(":paris", s("Paris")),
                Map.entry(":prefix", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2}))));
        all.forEach((key, value) -> {
            if (condition.matches(".*" + key + "\\b.*")) {
                values.put(key, value);
            }
        });
        if (condition.matches(".*#n\\b.*")) {
            names.put("#n", "name");
        }
        if (condition.contains("#nothing")) {
            names.put("#nothing", "nothing");
        }
        boolean applied;
        try {
            support.dynamo.putItem(b -> b.tableName("docs").item(DOCUMENT).conditionExpression(condition)
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .expressionAttributeNames(names.isEmpty() ? null : names));
            applied = true;
        } catch (ConditionalCheckFailedException e) {
            applied = false;
        }
        assertThat(applied).isEqualTo(holds);
    }
}
