package org.m2mkit.grader.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The loader of a submission's classes asks its parent first: bytes under a JUnit or grader name are never used. */
class StudentLoaderTest {

    @Test
    void classesOfJUnitAndOfTheChildRunnerCannotBeReplaced() throws ClassNotFoundException {
        byte[] notAClass = {(byte) 0xCA, (byte) 0xFE, 0, 1};
        ChildMain.StudentLoader loader = new ChildMain.StudentLoader(Map.of(
                "org.junit.jupiter.api.Assertions", notAClass,
                "org.m2mkit.grader.child.JUnitRun", notAClass), StudentLoaderTest.class.getClassLoader());
        assertThat(loader.loadClass("org.junit.jupiter.api.Assertions")).isSameAs(Assertions.class);
        assertThat(loader.loadClass("org.m2mkit.grader.child.JUnitRun")).isSameAs(JUnitRun.class);
    }
}
