package dev.simstack.server.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The tar.gz as a user gets it: unpacked, started through bin/simstack from a PATH without any JDK, answering
 * the AWS SDK. The first two tests run in order: the first run's stop makes the archive the second maps.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    @TempDir
    static Path unpacked;

    static UnpackedDistribution dist;

    @BeforeAll
    static void unpack() throws Exception {
        dist = UnpackedDistribution.unpack(unpacked);
    }

    @AfterAll
    static void removeTheToolLinks() throws Exception {
        for (String tool : UnpackedDistribution.SCRIPT_TOOLS) {
            Files.deleteIfExists(dist.tools.resolve(tool)); // JUnit warns about links out of a temp dir
        }
    }

    @Test
    @Order(1)
    void starts_from_a_path_without_java_serves_sqs_and_stops_on_sigterm() throws Exception {
        try (Stream<Path> tools = Files.list(dist.tools)) {
            assertThat(tools.map(tool -> tool.getFileName().toString())).as("the PATH bin/simstack gets")
                    .containsExactlyInAnyOrderElementsOf(UnpackedDistribution.SCRIPT_TOOLS).doesNotContain("java");
        }
        try (UnpackedDistribution.Started first = dist.start(Map.of(), "--port", "0", "--seed", "7")) {
            assertThat(health(first)).contains("\"sqs\":\"running\"");
            try (SqsClient sqs = sqs(first)) {
                String url = sqs.createQueue(b -> b.queueName("from-the-distribution")).queueUrl();
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
                assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(m -> m.body())
                        .containsExactly("hello");
            }
            assertThat(first.output()).contains("seed 7");
            first.stop();
            assertThat(first.output()).contains("SimStack stopped.").doesNotContain("[warning]");
        }
    }

    @Test
    @Order(2)
    void the_first_stopped_run_leaves_a_class_data_archive_that_the_next_start_maps() throws Exception {
        Path archive = dist.home.resolve("cds/simstack.jsa");
        assertThat(archive).isNotEmptyFile();
        assertThat(Files.readString(dist.home.resolve("cds/simstack.jsa.classpath")))
                .startsWith(dist.home.resolve("lib").toRealPath().toString());
        Path classLoading = unpacked.resolve("class-load.log");
        try (UnpackedDistribution.Started second = dist.start(Map.of("JAVA_OPTS", "-Xshare:auto",
                "SIMSTACK_OPTS", "-Xlog:class+load=info:file=" + classLoading), "--port", "0")) {
            assertThat(second.process.info().command()).as("the script execs the bundled runtime")
                    .contains(dist.home.resolve("runtime/bin/java").toRealPath().toString());
            assertThat(Files.readString(classLoading))
                    .contains("dev.simstack.server.Launcher source: shared objects file (top)");
            try (SqsClient sqs = sqs(second)) {
                assertThat(sqs.listQueues().queueUrls()).isEmpty();
            }
        }
    }

    @Test
    void passes_its_arguments_to_the_launcher_and_its_exit_status_back() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(dist.home.resolve("bin/simstack").toString(),
                "--port", "0", "--ledger-limit", "-1").redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", dist.tools.toString(), "SIMSTACK_CDS", "off"));
        Process refused = builder.start();
        String said = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(2);
        assertThat(said).contains("SimStack cannot start: the ledger limit is a number of entries to keep");
    }

    @Test
    void the_runtime_has_every_jdk_module_jdeps_finds_in_the_launchers_class_path() throws Exception {
        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release", "17"));
        try (Stream<Path> jars = Files.list(dist.home.resolve("lib"))) {
            jars.map(Path::toString).sorted().forEach(args::add);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        assertThat(status).as("jdeps: %s", err).isZero();
        Set<String> needed = new TreeSet<>(Arrays.asList(out.toString(StandardCharsets.UTF_8).strip().split(",")));

        String release = Files.readString(dist.home.resolve("runtime/release"));
        String modules = release.lines().filter(line -> line.startsWith("MODULES=")).findFirst().orElseThrow()
                .replace("MODULES=", "").replace("\"", "");
        assertThat(Arrays.asList(modules.split(" "))).as("the runtime's modules; add the missing ones to dist.modules"
                + " in server-dist/pom.xml").containsAll(needed)
                .containsAll(Arrays.asList(System.getProperty("simstack.distribution.modules", "java.base").split(",")))
                .doesNotContain("java.compiler", "jdk.compiler", "jdk.jshell");
    }

    private static String health(UnpackedDistribution.Started started) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                started.endpoint.resolve("/_localstack/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body().replace(" ", "");
    }

    private static SqsClient sqs(UnpackedDistribution.Started started) {
        return SqsClient.builder().endpointOverride(started.endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
