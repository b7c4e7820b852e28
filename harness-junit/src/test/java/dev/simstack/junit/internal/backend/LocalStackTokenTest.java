package dev.simstack.junit.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LocalStack's image needs an auth token from the environment; a missing one is named, with where to get it. */
class LocalStackTokenTest {

    @Test
    void a_missing_token_names_the_variable_that_should_hold_it() {
        RunSettings noToken = new RunSettings(key -> Optional.empty(), name -> null);

        assertThatThrownBy(() -> ContainerTargets.localStackToken(noToken, "@SimStack on OrdersTest"))
                .hasMessage("@SimStack on OrdersTest runs on backend LOCALSTACK, whose image needs an auth token since"
                        + " March 2026: set the environment variable LOCALSTACK_AUTH_TOKEN (from"
                        + " app.localstack.cloud), or use backend FLOCI, which needs none");
    }

    @Test
    void the_token_comes_from_the_environment() {
        RunSettings withToken = new RunSettings(key -> Optional.empty(),
                Map.of("LOCALSTACK_AUTH_TOKEN", " ls-123 ")::get);

        assertThat(ContainerTargets.localStackToken(withToken, "@SimStack on OrdersTest")).isEqualTo("ls-123");
    }
}
