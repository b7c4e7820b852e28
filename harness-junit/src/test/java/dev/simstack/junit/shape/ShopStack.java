package dev.simstack.junit.shape;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import dev.simstack.junit.StackDefinition;

/** The shop's stack in code, shared by every class that names it in {@code @SimStack(definition = ...)}. */
// docs:definition-start
public class ShopStack implements StackDefinition {
    @Override
    public StackConfig define(StackConfig base) {
        return base
                .withQueue(QueueSpec.named("orders").withAttribute("VisibilityTimeout", "60"))
                .withTable(TableSpec.named("orders").withPartitionKey("id"))
                .withApi(ApiSpec.rest("shop").withRoute("POST /orders", ApiSpec.Integration.sqs("orders")));
    }
}
// docs:definition-end
