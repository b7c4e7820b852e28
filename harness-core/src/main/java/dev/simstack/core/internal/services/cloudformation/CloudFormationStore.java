package dev.simstack.core.internal.services.cloudformation;

import dev.simstack.core.AwsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stacks, change sets and exports of every region. Deleted stacks stay, as AWS keeps them for ListStacks
 * and for DescribeStacks by stack id; a name then belongs to the live stack of that name alone.
 */
final class CloudFormationStore {

    /** An exported output value and the stack that exports it. */
    record Export(String name, String value, String stackId) {
    }

    private final Map<String, List<StackRecord>> stacks = new HashMap<>();
    private final Map<String, Map<String, Export>> exports = new HashMap<>();
    private final Map<String, Map<String, ChangeSet>> changeSets = new HashMap<>();

    /** The regions that have stacks, exports or change sets. */
    java.util.Set<String> regions() {
        java.util.Set<String> regions = new java.util.TreeSet<>(stacks.keySet());
        regions.addAll(exports.keySet());
        regions.addAll(changeSets.keySet());
        return regions;
    }

    List<StackRecord> stacks(String region) {
        return stacks.computeIfAbsent(region, r -> new ArrayList<>());
    }

    /** The live stack of this name, or the stack (live or deleted) of this id; null when there is none. */
    StackRecord find(String region, String nameOrId) {
        for (StackRecord stack : stacks(region)) {
            if (stack.id.equals(nameOrId) || stack.name.equals(nameOrId) && !stack.isDeleted()) {
                return stack;
            }
        }
        return null;
    }

    /** {@link #find}, or CloudFormation's ValidationError naming what was asked for. */
    StackRecord existing(String region, String nameOrId) {
        StackRecord stack = find(region, nameOrId);
        if (stack == null) {
            throw CloudFormationErrors.validation("Stack with id " + nameOrId + " does not exist");
        }
        return stack;
    }

    Map<String, Export> exports(String region) {
        return exports.computeIfAbsent(region, r -> new LinkedHashMap<>());
    }

    Map<String, ChangeSet> changeSets(String region) {
        return changeSets.computeIfAbsent(region, r -> new LinkedHashMap<>());
    }

    /** The change set of this ARN, or of this name on {@code stackNameOrId}; ChangeSetNotFound otherwise. */
    ChangeSet changeSet(String region, String nameOrArn, String stackNameOrId) {
        for (ChangeSet changeSet : changeSets(region).values()) {
            boolean named = changeSet.id().equals(nameOrArn) || changeSet.name().equals(nameOrArn)
                    && stackNameOrId != null && (changeSet.stackId().equals(stackNameOrId)
                    || changeSet.stackName().equals(stackNameOrId));
            if (named) {
                return changeSet;
            }
        }
        throw new AwsException("ChangeSetNotFound", "ChangeSetNotFound", 404, true,
                "ChangeSet [" + nameOrArn + "] does not exist");
    }

    void clear() {
        stacks.clear();
        exports.clear();
        changeSets.clear();
    }
}
