package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiMapping;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.DomainNameConfiguration;
import software.amazon.awssdk.services.apigatewayv2.model.DomainNameStatus;
import software.amazon.awssdk.services.apigatewayv2.model.EndpointType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.SecurityPolicy;

/**
 * apigatewayv2's domain names and API mappings through the SDK, as aws_apigatewayv2_domain_name and
 * aws_apigatewayv2_api_mapping use them; the same names and mappings apigateway answers.
 */
class HttpDomainNameTest {

    private static final String CERT = "arn:aws:acm:us-east-1:000000000000:certificate/33333333-4444";

    private static Stack stack;
    private static ApiGatewayV2Client apis;
    private static ApiGatewayClient restApis;
    private static int names;
    private String domain;
    private String apiId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(20).start();
        apis = ApiGatewayV2Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        restApis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        restApis.close();
        stack.close();
    }

    @BeforeEach
    void domainAndApi() {
        domain = "http" + (++names) + ".example.com";
        apis.createDomainName(b -> b.domainName(domain).domainNameConfigurations(c -> c.certificateArn(CERT)
                .endpointType(EndpointType.REGIONAL).securityPolicy(SecurityPolicy.TLS_1_2)));
        apiId = apis.createApi(b -> b.name("http-shop").protocolType(ProtocolType.HTTP)).apiId();
        apis.createStage(b -> b.apiId(apiId).stageName("live"));
    }

    @Test
    void a_domain_name_answers_one_regional_configuration() {
        var got = apis.getDomainName(b -> b.domainName(domain));

        DomainNameConfiguration configuration = got.domainNameConfigurations().get(0);
        assertThat(got.domainNameConfigurations()).hasSize(1);
        assertThat(got.apiMappingSelectionExpression()).isEqualTo("$request.basepath");
        assertThat(configuration.apiGatewayDomainName())
                .matches("d-[a-z0-9]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com");
        assertThat(configuration.certificateArn()).isEqualTo(CERT);
        assertThat(configuration.endpointType()).isEqualTo(EndpointType.REGIONAL);
        assertThat(configuration.hostedZoneId()).isEqualTo("Z1UJRXOUMOOFQ8");
        assertThat(configuration.domainNameStatus()).isEqualTo(DomainNameStatus.AVAILABLE);
        assertThat(apis.getDomainNames(b -> { }).items()).anySatisfy(d -> assertThat(d.domainName()).isEqualTo(domain));
    }

    @Test
    void a_domain_name_created_through_apigatewayv2_is_apigateways_too() {
        var seen = restApis.getDomainName(b -> b.domainName(domain));

        assertThat(seen.regionalCertificateArn()).isEqualTo(CERT);
        assertThatThrownBy(() -> restApis.createDomainName(b -> b.domainName(domain).regionalCertificateArn(CERT)
                .endpointConfiguration(c -> c.types(software.amazon.awssdk.services.apigateway.model.EndpointType
                        .REGIONAL)))).hasMessageStartingWith("The domain name you provided already exists.");
    }

    @Test
    void an_api_mapping_maps_a_key_to_a_stage_and_is_a_base_path_mapping() {
        var created = apis.createApiMapping(b -> b.domainName(domain).apiId(apiId).stage("live")
                .apiMappingKey("orders/v1"));

        var got = apis.getApiMapping(b -> b.domainName(domain).apiMappingId(created.apiMappingId()));
        var basePath = restApis.getBasePathMappings(b -> b.domainName(domain)).items();

        assertThat(ApiMapping.builder().apiId(got.apiId()).apiMappingId(got.apiMappingId())
                .apiMappingKey(got.apiMappingKey()).stage(got.stage()).build())
                .isEqualTo(apis.getApiMappings(b -> b.domainName(domain)).items().get(0));
        assertThat(got.apiMappingKey()).isEqualTo("orders/v1");
        assertThat(got.stage()).isEqualTo("live");
        assertThat(basePath).hasSize(1);
        assertThat(basePath.get(0).basePath()).isEqualTo("orders/v1");
        assertThat(basePath.get(0).restApiId()).isEqualTo(apiId);
    }

    @Test
    void a_base_path_mapping_without_a_base_path_is_the_empty_api_mapping_key() {
        String restApi = restApis.createRestApi(b -> b.name("rest")).id();
        String root = restApis.getRestApi(b -> b.restApiId(restApi)).rootResourceId();
        restApis.putMethod(b -> b.restApiId(restApi).resourceId(root).httpMethod("GET").authorizationType("NONE"));
        restApis.putIntegration(b -> b.restApiId(restApi).resourceId(root).httpMethod("GET").type("MOCK")
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        restApis.createDeployment(b -> b.restApiId(restApi).stageName("prod"));
        restApis.createBasePathMapping(b -> b.domainName(domain).restApiId(restApi).stage("prod"));

        ApiMapping mapping = apis.getApiMappings(b -> b.domainName(domain)).items().get(0);

        assertThat(mapping.apiMappingKey()).isEmpty();
        assertThat(mapping.apiId()).isEqualTo(restApi);
    }

    @Test
    void an_api_mapping_key_is_mapped_once_and_needs_an_existing_stage_and_api() {
        apis.createApiMapping(b -> b.domainName(domain).apiId(apiId).stage("live").apiMappingKey("v1"));

        assertThatThrownBy(() -> apis.createApiMapping(b -> b.domainName(domain).apiId(apiId).stage("live")
                .apiMappingKey("v1"))).isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("ApiMapping key already exists for this domain name");
        assertThatThrownBy(() -> apis.createApiMapping(b -> b.domainName(domain).apiId(apiId).stage("beta")))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid stage identifier specified");
        assertThatThrownBy(() -> apis.createApiMapping(b -> b.domainName(domain).apiId("nope").stage("live")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid API identifier specified 000000000000:nope");
        assertThatThrownBy(() -> apis.getApiMapping(b -> b.domainName(domain).apiMappingId("nope")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid ApiMapping identifier specified");
    }

    @Test
    void update_changes_the_mapping_key_and_certificate_and_delete_removes_them() {
        String id = apis.createApiMapping(b -> b.domainName(domain).apiId(apiId).stage("live").apiMappingKey("v1"))
                .apiMappingId();

        var moved = apis.updateApiMapping(b -> b.domainName(domain).apiMappingId(id).apiId(apiId)
                .apiMappingKey("v2"));
        var recertified = apis.updateDomainName(b -> b.domainName(domain)
                .domainNameConfigurations(c -> c.certificateArn(CERT + "-next")));
        apis.deleteApiMapping(b -> b.domainName(domain).apiMappingId(id));
        apis.deleteDomainName(b -> b.domainName(domain));

        assertThat(moved.apiMappingKey()).isEqualTo("v2");
        assertThat(moved.stage()).isEqualTo("live");
        assertThat(recertified.domainNameConfigurations().get(0).certificateArn()).isEqualTo(CERT + "-next");
        assertThatThrownBy(() -> apis.getDomainName(b -> b.domainName(domain))).isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid domain name identifier specified");
    }
}
