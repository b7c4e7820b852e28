package dev.simstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The packaged launcher, run as a user runs it: {@code java -jar simstack-server.jar}. */
class LauncherIT {

    private LaunchedServer server;

    private URI launch(String... args) throws IOException, InterruptedException {
        assertThat(Path.of("target", "simstack-server.jar")).exists();
        server = LaunchedServer.start(args);
        return server.endpoint;
    }

    @AfterEach
    void kill() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void serves_sqs_logs_each_request_at_debug_and_stops_cleanly_on_sigterm() throws Exception {
        URI endpoint = launch("--port", "0", "--seed", "7", "--debug");
        try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            String url = sqs.createQueue(b -> b.queueName("launcher-demo")).queueUrl();
            assertThat(url).isEqualTo(endpoint + "/000000000000/launcher-demo");
            assertThat(sqs.listQueues().queueUrls()).containsExactly(url);
        }
        assertThat(server.outputOnceItContains("sqs.CreateQueue eu-west-1 -> 200")).contains("seed 7");

        server.stop();
        assertThat(server.output()).contains("SimStack stopped.");
        try (ServerSocket again = new ServerSocket(endpoint.getPort())) {
            assertThat(again.getLocalPort()).isEqualTo(endpoint.getPort());
        }
    }

    @Test
    void refuses_a_non_loopback_address_without_bind_any() throws Exception {
        Path jar = Path.of("target", "simstack-server.jar");
        Process refused = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--host", "0.0.0.0", "--port", "0").redirectErrorStream(true).start();
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(2);
        assertThat(new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--bind-any");
    }

    @Test
    void help_lists_the_options() throws Exception {
        Process help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "simstack-server.jar").toString(), "--help").redirectErrorStream(true).start();
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("--port").contains("--regions").contains("--seed").contains("--clock")
                .contains("--ledger-limit").contains("Default: 100000");
        assertThat(Files.exists(Path.of("target", "simstack-server.jar"))).isTrue();
    }

    @Test
    void ledger_limit_evicts_the_oldest_entries_and_says_so_once() throws Exception {
        URI endpoint = launch("--port", "0", "--ledger-limit", "3");
        try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            String url = sqs.createQueue(b -> b.queueName("bounded")).queueUrl();
            for (int i = 0; i < 5; i++) { // 11 entries in all: the ledger evicts 8
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("m"));
            }
            assertThat(sqs.listQueues().queueUrls()).containsExactly(url);
        }
        String text = server.outputOnceItContains("The ledger reached its limit of 3 entries");
        assertThat(text.split("reached its limit", -1)).as("said once").hasSize(2);
    }

    @Test
    void refuses_a_negative_ledger_limit_naming_the_rule() throws Exception {
        Process refused = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "simstack-server.jar").toString(), "--port", "0", "--ledger-limit", "-1")
                .redirectErrorStream(true).start();
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(2);
        assertThat(new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("SimStack cannot start: the ledger limit is a number of entries to keep, at least 1, or 0"
                        + " to keep every entry; got -1");
    }

    @Test
    void account_id_sets_the_default_account_and_twelve_digit_keys_select_others() throws Exception {
        URI endpoint = launch("--port", "0", "--account-id", "123456789012");
        try (SqsClient byDefault = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
                SqsClient other = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("111111111111", "test"))).build()) {
            assertThat(byDefault.createQueue(b -> b.queueName("jobs")).queueUrl())
                    .isEqualTo(endpoint + "/123456789012/jobs");
            assertThat(other.createQueue(b -> b.queueName("jobs")).queueUrl()).isEqualTo(endpoint + "/111111111111/jobs");
        }
        assertThat(server.output()).contains("account 123456789012");
    }

    @Test
    void refuses_an_account_id_that_is_not_twelve_digits() throws Exception {
        Process refused = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "simstack-server.jar").toString(), "--port", "0", "--account-id", "12345")
                .redirectErrorStream(true).start();
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(2);
        assertThat(new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("SimStack cannot start: an account id is 12 digits, got '12345'");
    }
}
