package org.racetoplace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The rule of docs/performance.md, "Intake after the finder change": a finder declared in one of
 * our repositories spells out its JPQL, because Hibernate 6.6 translates Spring Data's derived
 * (criteria) queries again on every call. Default methods built on such a finder are fine.
 */
class RepositoryFindersTest {

  @Test
  void everyFinderOfOurRepositoriesSpellsOutItsQuery() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isInterface();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));

    List<String> repositories = new ArrayList<>();
    List<String> derived = new ArrayList<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("org.racetoplace")) {
      Class<?> repository = Class.forName(definition.getBeanClassName());
      repositories.add(repository.getSimpleName());
      for (Method method : repository.getDeclaredMethods()) {
        if (!method.isDefault()
            && !Modifier.isStatic(method.getModifiers())
            && !method.isAnnotationPresent(Query.class)) {
          derived.add(repository.getSimpleName() + "." + method.getName());
        }
      }
    }

    assertThat(repositories).contains("ApplicationRepository", "CandidateRepository", "ProfileAssessmentResults");
    assertThat(derived).as("finders derived from their method names").isEmpty();
  }
}
