package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** A custom domain name and its base path mapping survive a reload, with the same regional host. */
class DomainNameSnapshotTest {

    @TempDir
    Path dir;

    private static ApiGatewayClient client(Stack stack) {
        return ApiGatewayClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Test
    void a_domain_name_and_its_base_path_mapping_survive() throws Exception {
        DataDirectory data = DataDirectory.open(dir);
        String apiId;
        String host;
        try (Stack stack = data.start(StackConfig.defaults(), System.err::println); ApiGatewayClient apis = client(stack)) {
            String id = apis.createRestApi(b -> b.name("shop")).id();
            apiId = id;
            String root = apis.getRestApi(b -> b.restApiId(id)).rootResourceId();
            apis.putMethod(b -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE"));
            apis.putIntegration(b -> b.restApiId(id).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                    .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
            apis.createDeployment(b -> b.restApiId(id).stageName("prod"));
            host = apis.createDomainName(b -> b.domainName("api.example.com").regionalCertificateArn("arn:cert")
                    .endpointConfiguration(c -> c.types(EndpointType.REGIONAL)).tags(Map.of("team", "shop")))
                    .regionalDomainName();
            apis.createBasePathMapping(b -> b.domainName("api.example.com").basePath("v1").restApiId(id)
                    .stage("prod"));
            data.save(stack);
        }
        try (Stack stack = data.start(StackConfig.defaults(), System.err::println); ApiGatewayClient apis = client(stack)) {
            var domain = apis.getDomainName(b -> b.domainName("api.example.com"));
            var mapping = apis.getBasePathMapping(b -> b.domainName("api.example.com").basePath("v1"));

            assertThat(domain.regionalDomainName()).isEqualTo(host);
            assertThat(domain.regionalCertificateArn()).isEqualTo("arn:cert");
            assertThat(domain.tags()).isEqualTo(Map.of("team", "shop"));
            assertThat(mapping.restApiId()).isEqualTo(apiId);
            assertThat(mapping.stage()).isEqualTo("prod");
        }
    }
}
