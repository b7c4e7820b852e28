package dev.simstack.junit.internal;

import dev.simstack.core.Stack;
import dev.simstack.junit.SimStackClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** An {@link S3Presigner} for a stack; loaded only when a test asks for one (the S3 module is then present). */
final class Presigners {

    private Presigners() {
    }

    static S3Presigner s3(Stack stack, String region) {
        return S3Presigner.builder()
                .endpointOverride(stack.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SimStackClients.ACCESS_KEY_ID, SimStackClients.ACCESS_KEY_ID)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
