package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What {@link Stack#apply(java.nio.file.Path)} did with a resource file: each resource it declared, with
 * its physical id (a queue's URL, a table's, bucket's or function's name, a mapping's UUID, an API's id),
 * and a template's resolved {@code Outputs}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AppliedResources {

    /** What became of one declared resource. */
    public enum Outcome {
        /** Created by this file. */
        CREATED,
        /** Already there (a restart over persisted state, or a second file): left as it was. */
        EXISTED,
        /** A type with nothing to emulate (IAM roles and policies, Lambda permissions, log groups). */
        IGNORED
    }

    /**
     * One resource of the file.
     *
     * @param logicalId the template's logical id, or the resource's name in an init file
     * @param type the CloudFormation type, e.g. {@code AWS::SQS::Queue}
     * @param region the region it lives in
     * @param physicalId what {@code Ref} returns for it, or null when ignored
     * @param outcome created, existed or ignored
     */
    public record Resource(String logicalId, String type, String region, String physicalId, Outcome outcome) {
    }

    private final List<Resource> resources;
    private final Map<String, String> outputs;

    /** What a resource file created, and its outputs by name. */
    public AppliedResources(List<Resource> resources, Map<String, String> outputs) {
        this.resources = List.copyOf(resources);
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** Every resource of the file, in the order it was applied. */
    public List<Resource> resources() {
        return resources;
    }

    /** A template's {@code Outputs}, resolved; empty for init files. */
    public Map<String, String> outputs() {
        return outputs;
    }

    /**
     * The physical id of {@code logicalId}.
     *
     * @throws IllegalArgumentException if the file declared no such resource
     */
    public String physicalId(String logicalId) {
        return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst()
                .map(Resource::physicalId)
                .orElseThrow(() -> new IllegalArgumentException("the file declares no resource '" + logicalId
                        + "'; it declares " + resources.stream().map(Resource::logicalId).toList()));
    }

    @Override
    public String toString() {
        return "AppliedResources" + resources + (outputs.isEmpty() ? "" : " outputs " + outputs);
    }
}
