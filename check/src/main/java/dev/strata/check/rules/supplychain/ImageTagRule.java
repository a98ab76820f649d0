package dev.strata.check.rules.supplychain;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Injection;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;

/** Images must be pinned to a tag other than latest, or to a digest. */
public final class ImageTagRule extends PodRule {

    public ImageTagRule() {
        super(RuleInfo.of("image-latest-tag", Category.SUPPLY_CHAIN, Severity.ERROR,
                "A container image has no tag or uses latest, so what runs changes without a commit.",
                "Pin the image to a version tag or a digest (image@sha256:...)."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodTemplate.Container c : pod.allContainers()) {
            String image = c.spec().strOr("image", "");
            if (image.isEmpty() || image.contains("@") || Injection.filledIn(pod, image) || image.startsWith("ko://")) {
                continue; // a digest pins it; Istio's injector replaces "auto"; ko builds and pins ko:// references
            }
            String last = image.substring(image.lastIndexOf('/') + 1);
            int colon = last.indexOf(':');
            if (colon < 0) {
                ctx.report(c.spec().keyLine("image"), "container " + c.name() + " image " + image + " has no tag, so it runs :latest"
                        + " (if a build tool sets the tag at deploy time, say so with the annotation strata.dev/ignore: image-latest-tag;"
                        + " a kustomization's images: newTag is already applied here)");
            } else if (last.substring(colon + 1).equals("latest")) {
                ctx.report(c.spec().keyLine("image"), "container " + c.name() + " uses image " + image);
            }
        }
    }
}
