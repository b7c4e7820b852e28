package dev.simstack.core.internal.resources;

/** Checks that a region a file names is one of the stack's. */
final class Regions {

    private Regions() {
    }

    static String check(String region, Creator creator, String file) {
        if (!creator.regions().contains(region)) {
            throw new ResourceFileException(file + ": region " + region + " is not one of this stack's regions "
                    + creator.regions() + "; add it to the stack (StackConfig.withRegions, or --regions)");
        }
        return region;
    }
}
