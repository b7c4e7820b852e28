package dev.simstack.core.transport;

import dev.simstack.core.InProcessHttpClient;
import dev.simstack.core.Stack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/** The two ways an SDK client reaches a stack: its port through the SDK's Apache client, or in-process. */
enum Transport {
    SOCKET,
    IN_PROCESS;

    /** {@code builder} pointed at {@code stack} over this transport, as an application configures it. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, Stack stack,
            ClientOverrideConfiguration overrides) {
        builder.endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(overrides);
        if (this == SOCKET) {
            builder.httpClientBuilder(ApacheHttpClient.builder());
        } else {
            builder.httpClient(InProcessHttpClient.of(stack));
        }
        return builder.build();
    }

    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, Stack stack) {
        return client(builder, stack, ClientOverrideConfiguration.builder().build());
    }
}
