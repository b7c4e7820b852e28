package dev.simstack.junit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.QueueHandle;
import dev.simstack.core.Stack;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.SimStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A definition adds to what the annotation declares: here a bucket and a seed. */
// docs:with-definition-start
@SimStack(definition = ShopStack.class, buckets = @Bucket(name = "receipts"), seed = 11)
class WithADefinitionTest {
    @Test
    void hasTheDefinitionsResourcesAndTheAnnotations(Stack stack, SqsClient sqs, QueueHandle orders) {
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(orders.url())
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes())
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "60");
        assertThat(stack.bucket("receipts").objectCount()).isZero();
        assertThat(stack.api("shop").url().toString()).contains("/_aws/execute-api/");
        assertThat(stack.seed()).isEqualTo(11);
    }
}
// docs:with-definition-end
