package com.trackagoat.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;

import com.trackagoat.compliance.api.key.ApiKeyFilter;

/**
 * The API key filter lets through exactly the paths the console's controllers map: a page added without
 * listing it would answer 401 to everyone, and a listed path no controller maps would be a hole waiting for one.
 */
class ConsolePathsTest {

    @Test
    void theKeyFilterListsExactlyThePathsTheConsoleMaps() throws ClassNotFoundException {
        assertThat(new TreeSet<>(ApiKeyFilter.CONSOLE)).isEqualTo(mappedPaths());
    }

    @Test
    void everyConsolePathIsUnderConsole() {
        assertThat(ApiKeyFilter.CONSOLE).allSatisfy(path -> assertThat(path).matches("/console(/[a-z.-]+)*"));
    }

    private static Set<String> mappedPaths() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<String> paths = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents(ConsolePathsTest.class.getPackageName())) {
            Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), null);
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping != null) {
                    paths.addAll(Arrays.asList(mapping.path()));
                }
            }
        }
        assertThat(paths).as("console controllers found").isNotEmpty();
        return paths;
    }
}
