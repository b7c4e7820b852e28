package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.services.sqs.QueueName;
import org.junit.jupiter.api.Test;

class QueueNameTest {

    @Test
    void standard_names_are_1_to_80_alphanumerics_hyphens_and_underscores() {
        assertThat(QueueName.isValid("a", false)).isTrue();
        assertThat(QueueName.isValid("Orders_v2-dlq", false)).isTrue();
        assertThat(QueueName.isValid("x".repeat(80), false)).isTrue();
        assertThat(QueueName.isValid("x".repeat(81), false)).isFalse();
        assertThat(QueueName.isValid("", false)).isFalse();
        assertThat(QueueName.isValid("has space", false)).isFalse();
        assertThat(QueueName.isValid("dots.not.allowed", false)).isFalse();
    }

    @Test
    void a_fifo_suffix_is_only_valid_for_fifo_queues_and_counts_toward_80() {
        assertThat(QueueName.isValid("orders.fifo", false)).isFalse();
        assertThat(QueueName.isValid("orders.fifo", true)).isTrue();
        assertThat(QueueName.isValid("orders", true)).isFalse();
        assertThat(QueueName.isValid(".fifo", true)).isFalse();
        assertThat(QueueName.isValid("x".repeat(75) + ".fifo", true)).isTrue();
        assertThat(QueueName.isValid("x".repeat(76) + ".fifo", true)).isFalse();
    }

    @Test
    void invalid_names_fail_with_awss_invalid_parameter_value() {
        assertThatThrownBy(() -> QueueName.validate("bad name", false)).isInstanceOf(AwsException.class)
                .hasMessage("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
                .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidParameterValue");
        assertThatThrownBy(() -> QueueName.validate("orders", true))
                .hasMessageContaining("must end with .fifo suffix");
    }
}
