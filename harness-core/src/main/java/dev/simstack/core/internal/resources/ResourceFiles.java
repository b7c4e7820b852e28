package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AppliedResources;
import dev.simstack.core.internal.stack.Engine;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Applies a resource file to a running stack: a CloudFormation/SAM template (it has {@code Resources})
 * or SimStack's init file (sections {@code queues}, {@code tables}, {@code buckets}, {@code functions},
 * {@code eventSourceMappings}). Everything is created through the services' own API calls.
 */
public final class ResourceFiles {

    /** The stack name templates' generated names and {@code AWS::StackName} use. */
    public static final String STACK_NAME = "simstack";

    private ResourceFiles() {
    }

    public static AppliedResources apply(Engine engine, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ResourceFileException("no resource file at " + file.toAbsolutePath());
        }
        JsonNode root = YamlDocument.read(file);
        Creator creator = new Creator(engine);
        String name = file.getFileName().toString();
        if (isTemplate(root)) {
            return new TemplateFile(name, root, creator, engine.context().random(), STACK_NAME).apply();
        }
        return new InitFile(name, root, creator).apply();
    }

    private static boolean isTemplate(JsonNode root) {
        return root.has("Resources") || root.has("AWSTemplateFormatVersion") || root.has("Transform");
    }
}
