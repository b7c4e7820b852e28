package dev.simstack.core.dynamodb.validation;

import static dev.simstack.core.dynamodb.validation.ValidationSupport.assertValidation;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.itemKey;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The {@code Select} rules of Query and Scan. AWS wraps the Query messages in the "1 validation error
 * detected: " envelope and answers Scan's bare.
 */
class SelectRulesTest {

    private static final String QUERY_PREFIX = "1 validation error detected: ";

    private static ValidationSupport support;

    @BeforeAll
    static void start() {
        support = ValidationSupport.start();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    private static QueryRequest.Builder query() {
        return QueryRequest.builder().tableName("items").keyConditionExpression("pk = :k")
                .expressionAttributeValues(Map.of(":k", s("p")));
    }

    private static QueryRequest.Builder queryIndex() {
        return QueryRequest.builder().tableName("items").indexName("by_g").keyConditionExpression("g = :k")
                .expressionAttributeValues(Map.of(":k", s("g")));
    }

    private static ScanRequest.Builder scan() {
        return ScanRequest.builder().tableName("items");
    }

    @Test
    void specific_attributes_needs_a_projection() {
        String message = "Must specify the AttributesToGet or ProjectionExpression when choosing to get "
                + "SPECIFIC_ATTRIBUTES";
        assertValidation(() -> support.dynamo.query(query().select("SPECIFIC_ATTRIBUTES").build()),
                QUERY_PREFIX + message);
        assertValidation(() -> support.dynamo.scan(scan().select("SPECIFIC_ATTRIBUTES").build()), message);
        assertThat(support.dynamo.scan(scan().select("SPECIFIC_ATTRIBUTES").projectionExpression("pk").build())
                .count()).isZero();
    }

    @Test
    void all_projected_attributes_needs_an_index() {
        String message = "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName";
        assertValidation(() -> support.dynamo.query(query().select("ALL_PROJECTED_ATTRIBUTES").build()),
                QUERY_PREFIX + message);
        assertValidation(() -> support.dynamo.scan(scan().select("ALL_PROJECTED_ATTRIBUTES").build()), message);
        assertThat(support.dynamo.query(queryIndex().select("ALL_PROJECTED_ATTRIBUTES").build()).count()).isZero();
    }

    @Test
    void a_projection_goes_only_with_specific_attributes() {
        assertValidation(() -> support.dynamo.query(queryIndex().select("COUNT").projectionExpression("g").build()),
                QUERY_PREFIX + "Cannot specify the ProjectionExpression when choosing to get only the Count");
        assertValidation(() -> support.dynamo.scan(scan().select("COUNT").projectionExpression("pk").build()),
                "Cannot specify the ProjectionExpression when choosing to get only the Count");
        assertValidation(() -> support.dynamo.scan(scan().select("ALL_ATTRIBUTES").projectionExpression("pk")
                .build()), "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES");
        assertValidation(() -> support.dynamo.query(queryIndex().select("ALL_PROJECTED_ATTRIBUTES")
                .projectionExpression("g").build()),
                QUERY_PREFIX + "Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES");
    }

    @Test
    void select_values_are_case_sensitive() {
        String message = "1 validation error detected: Value 'count' at 'select' failed to satisfy constraint: Member "
                + "must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]";
        assertValidation(() -> support.dynamo.query(query().select("count").build()), message);
        assertValidation(() -> support.dynamo.scan(scan().select("count").build()), message);
    }

    @Test
    void all_attributes_is_refused_on_a_global_index_that_does_not_project_all() {
        assertValidation(() -> support.dynamo.query(queryIndex().select("ALL_ATTRIBUTES").build()),
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global "
                        + "secondary index by_g because its projection type is not ALL");
    }

    @Test
    void attributes_to_get_and_a_projection_expression_do_not_mix() {
        assertValidation(() -> support.dynamo.getItem(b -> b.tableName("items").key(itemKey())
                .attributesToGet("a").projectionExpression("a")),
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        assertValidation(() -> support.dynamo.scan(scan().attributesToGet("a").projectionExpression("a").build()),
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }
}
