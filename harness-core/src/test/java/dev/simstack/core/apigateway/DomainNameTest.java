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
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.BasePathMapping;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.DomainNameStatus;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.GetDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.SecurityPolicy;

/** apigateway's custom domain names and base path mappings through the SDK, as aws_api_gateway_domain_name uses them. */
class DomainNameTest {

    private static final String CERT = "arn:aws:acm:us-east-1:000000000000:certificate/11111111-2222";

    private static Stack stack;
    private static ApiGatewayClient apis;
    private static int names;
    private String domain;
    private String apiId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(19).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    @BeforeEach
    void apiWithStage() {
        domain = "api" + (++names) + ".example.com";
        apiId = apis.createRestApi(b -> b.name("shop")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").authorizationType("NONE"));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
    }

    private void regional() {
        apis.createDomainName(b -> b.domainName(domain).regionalCertificateArn(CERT)
                .endpointConfiguration(c -> c.types(EndpointType.REGIONAL)).securityPolicy(SecurityPolicy.TLS_1_2));
    }

    @Test
    void a_regional_domain_name_answers_its_regional_host_and_hosted_zone() {
        regional();

        GetDomainNameResponse got = apis.getDomainName(b -> b.domainName(domain));

        assertThat(got.regionalDomainName()).matches("d-[a-z0-9]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com");
        assertThat(got.regionalHostedZoneId()).isEqualTo("Z1UJRXOUMOOFQ8");
        assertThat(got.regionalCertificateArn()).isEqualTo(CERT);
        assertThat(got.endpointConfiguration().types()).containsExactly(EndpointType.REGIONAL);
        assertThat(got.domainNameStatus()).isEqualTo(DomainNameStatus.AVAILABLE);
        assertThat(got.securityPolicy()).isEqualTo(SecurityPolicy.TLS_1_2);
        assertThat(got.distributionDomainName()).isNull();
        assertThat(apis.getDomainNames(b -> { }).items()).anySatisfy(d -> assertThat(d.domainName()).isEqualTo(domain));
    }

    @Test
    void an_edge_domain_name_is_the_default_and_answers_its_cloudfront_distribution() {
        var created = apis.createDomainName(b -> b.domainName(domain).certificateArn(CERT).certificateName("shop"));

        assertThat(created.endpointConfiguration().types()).containsExactly(EndpointType.EDGE);
        assertThat(created.distributionDomainName()).matches("d[a-z0-9]{10}\\.cloudfront\\.net");
        assertThat(created.distributionHostedZoneId()).isEqualTo("Z2FDTNDATAQYW2");
        assertThat(created.certificateName()).isEqualTo("shop");
        assertThat(created.certificateUploadDate()).isNotNull();
    }

    @Test
    void a_domain_name_is_created_once() {
        regional();

        assertThatThrownBy(this::regional).isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("The domain name you provided already exists.");
    }

    @Test
    void a_domain_name_needs_the_certificate_of_its_endpoint_type() {
        assertThatThrownBy(() -> apis.createDomainName(b -> b.domainName(domain).certificateArn(CERT)
                .endpointConfiguration(c -> c.types(EndpointType.REGIONAL))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("A REGIONAL domain name needs a certificate: give regionalCertificateArn (an "
                        + "ACM certificate ARN; it is stored, not checked)");
        assertThatThrownBy(() -> apis.createDomainName(b -> b.domainName("Not A Name").certificateArn(CERT)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid domain name specified: 'Not A Name'");
    }

    @Test
    void update_patches_the_certificate_and_policy_and_delete_forgets_the_name() {
        regional();

        var updated = apis.updateDomainName(b -> b.domainName(domain).patchOperations(
                p -> p.op(Op.REPLACE).path("/regionalCertificateArn").value(CERT + "-next"),
                p -> p.op(Op.REPLACE).path("/securityPolicy").value("TLS_1_0")));
        apis.deleteDomainName(b -> b.domainName(domain));

        assertThat(updated.regionalCertificateArn()).isEqualTo(CERT + "-next");
        assertThat(updated.securityPolicy()).isEqualTo(SecurityPolicy.TLS_1_0);
        assertThatThrownBy(() -> apis.getDomainName(b -> b.domainName(domain))).isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid domain name identifier specified");
    }

    @Test
    void a_base_path_mapping_without_a_base_path_is_named_none() {
        regional();

        BasePathMapping created = toBasePathMapping(apis.createBasePathMapping(b -> b.domainName(domain)
                .restApiId(apiId).stage("prod")));
        var got = apis.getBasePathMapping(b -> b.domainName(domain).basePath("(none)"));

        assertThat(created).isEqualTo(BasePathMapping.builder().basePath("(none)").restApiId(apiId).stage("prod")
                .build());
        assertThat(got.restApiId()).isEqualTo(apiId);
        assertThat(apis.getBasePathMappings(b -> b.domainName(domain)).items()).containsExactly(created);
    }

    @Test
    void a_base_path_is_mapped_once_per_domain_name() {
        regional();
        apis.createBasePathMapping(b -> b.domainName(domain).basePath("v1").restApiId(apiId).stage("prod"));

        assertThatThrownBy(() -> apis.createBasePathMapping(b -> b.domainName(domain).basePath("v1")
                .restApiId(apiId).stage("prod"))).isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Base path already exists for this domain name");
    }

    @Test
    void a_base_path_mapping_needs_an_existing_api_stage_and_domain() {
        regional();

        assertThatThrownBy(() -> apis.createBasePathMapping(b -> b.domainName(domain).basePath("v1")
                .restApiId(apiId).stage("beta"))).isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid stage identifier specified");
        assertThatThrownBy(() -> apis.createBasePathMapping(b -> b.domainName(domain).basePath("v1")
                .restApiId("nope").stage("prod"))).isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid REST API identifier specified");
        assertThatThrownBy(() -> apis.createBasePathMapping(b -> b.domainName("other.example.com").restApiId(apiId)
                .stage("prod"))).isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid domain name identifier specified");
        assertThatThrownBy(() -> apis.getBasePathMapping(b -> b.domainName(domain).basePath("v9")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid base path mapping identifier specified");
    }

    @Test
    void update_moves_a_mapping_to_another_base_path_and_delete_removes_it() {
        regional();
        apis.createBasePathMapping(b -> b.domainName(domain).basePath("v1").restApiId(apiId).stage("prod"));

        var moved = apis.updateBasePathMapping(b -> b.domainName(domain).basePath("v1")
                .patchOperations(p -> p.op(Op.REPLACE).path("/basePath").value("v2")));
        apis.deleteBasePathMapping(b -> b.domainName(domain).basePath("v2"));

        assertThat(moved.basePath()).isEqualTo("v2");
        assertThat(moved.stage()).isEqualTo("prod");
        assertThat(apis.getBasePathMappings(b -> b.domainName(domain)).items()).isEmpty();
    }

    private static BasePathMapping toBasePathMapping(
            software.amazon.awssdk.services.apigateway.model.CreateBasePathMappingResponse created) {
        return BasePathMapping.builder().basePath(created.basePath()).restApiId(created.restApiId())
                .stage(created.stage()).build();
    }
}
