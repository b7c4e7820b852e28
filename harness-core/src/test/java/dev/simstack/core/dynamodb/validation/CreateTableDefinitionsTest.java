package dev.simstack.core.dynamodb.validation;

import static dev.simstack.core.dynamodb.validation.ValidationSupport.assertValidation;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.def;
import static dev.simstack.core.dynamodb.validation.ValidationSupport.key;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** CreateTable refuses attribute definitions that no key of the table or of an index uses. */
class CreateTableDefinitionsTest {

    private static ValidationSupport support;

    @BeforeAll
    static void start() {
        support = ValidationSupport.start();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @Test
    void an_unused_definition_without_indexes_is_a_count_mismatch() {
        assertValidation(() -> support.dynamo.createTable(b -> b.tableName("extra")
                .billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(def("id"), def("created"))
                .keySchema(key("id", KeyType.HASH))),
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
                        + "number of attributes defined in AttributeDefinitions");
    }

    @Test
    void an_unused_definition_beside_indexes_lists_the_definitions_and_the_keys_used() {
        assertValidation(() -> support.dynamo.createTable(b -> b.tableName("extra")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("user"), def("id"), def("created_at"))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by_user")
                        .keySchema(key("user", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))
                        .build())),
                "One or more parameter values were invalid: Some AttributeDefinitions are not used. "
                        + "AttributeDefinitions: [user, id, created_at], keys used: [id, user]");
    }
}
