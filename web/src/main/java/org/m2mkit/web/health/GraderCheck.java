package org.m2mkit.web.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.ToolProvider;

/**
 * Whether this machine can grade: a Java compiler in this JVM (a JDK, not a JRE), a {@code java} launcher for
 * the sandboxed child JVMs, and bubblewrap for the strong sandbox.
 */
public final class GraderCheck {

    private GraderCheck() {}

    public static Health.Part check() {
        boolean compiler = ToolProvider.getSystemJavaCompiler() != null;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        boolean launcher = Files.isExecutable(java);
        boolean bwrap = onPath("bwrap");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("compiler", compiler ? "javax.tools (JDK " + Runtime.version().feature() + ")" : "missing: run the kit on a JDK, not a JRE");
        details.put("childJvm", launcher ? java.toString() : "missing");
        details.put("sandbox", bwrap ? "bubblewrap" : "process-only (install bubblewrap for the strong sandbox)");
        return compiler && launcher ? Health.Part.up(details) : Health.Part.down(details);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
