package org.m2mkit.grader;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.m2mkit.grader.child.ChildMain;
import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.protocol.ProtocolLab;
import org.m2mkit.grader.standards.StandardsLab;
import org.m2mkit.grader.sandbox.ClassPathTree;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.api.Gateway;

/**
 * The registry of graded labs: the one place a lab is added. The list is explicit rather than found with
 * {@code ServiceLoader}: the order is the order students meet the labs in, a missing lab is a compile error rather
 * than a silently empty list, and the sandbox child, whose class path is curated, needs no service files.
 */
public final class Labs {
    private static final List<Lab> ALL = List.of(GatewayLab.LAB, ProtocolLab.LAB, StandardsLab.LAB);

    private Labs() {
    }

    /** Every lab, in the order the kit lists them. */
    public static List<Lab> all() {
        return ALL;
    }

    /** The lab with this id (any case), or a {@link UserError} naming the ids there are. */
    public static Lab parse(String text) {
        String id = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (Lab lab : ALL) {
            if (lab.id().equals(id)) {
                return lab;
            }
        }
        throw new UserError("unknown lab '" + text + "'; use one of " + ALL.stream().map(Lab::id).toList());
    }

    /** The class files a submission may use, by relative name: the labs API and every lab's own contract types. */
    public static TreeMap<String, byte[]> contractClasses() {
        TreeMap<String, byte[]> files = ClassPathTree.read(Gateway.class, "org/m2mkit/labs/api/");
        for (Lab lab : ALL) {
            for (String folder : lab.contractFolders()) {
                files.putAll(ClassPathTree.read(lab.getClass(), folder));
            }
        }
        return files;
    }

    /**
     * The sandbox child's whole class path: the contract classes, the child program and each lab's runner package,
     * and nothing else of the grader (no suite, no case, no expected value).
     */
    public static TreeMap<String, byte[]> sandboxClasses() {
        TreeMap<String, byte[]> files = contractClasses();
        files.putAll(ClassPathTree.read(ChildMain.class, "org/m2mkit/grader/child/"));
        for (Lab lab : ALL) {
            files.putAll(ClassPathTree.read(lab.runner(), lab.runner().getPackageName().replace('.', '/') + "/"));
        }
        return files;
    }

    /** The class names of every lab's runner, for the child's arguments. */
    public static List<String> runnerNames() {
        return ALL.stream().map(lab -> lab.runner().getName()).toList();
    }
}
