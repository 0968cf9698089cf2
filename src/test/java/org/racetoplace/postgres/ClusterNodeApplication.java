package org.racetoplace.postgres;

import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.racetoplace.RaceToPlaceApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;

/**
 * One node of the cluster tests, run in its own JVM by {@link ClusterNode}: the application as
 * shipped, except that with {@code --cluster-node.block-mail=true} the candidate mail delegate
 * blocks for ever before it sends anything — a node stuck in the middle of a job, to be killed.
 *
 * <p>No Spring annotations here on purpose: the application's component scan covers this package
 * when tests run, and this class must not change any other test's context.
 */
public final class ClusterNodeApplication {

  static final String BLOCK_MAIL = "cluster-node.block-mail";
  private static final Logger LOG = LoggerFactory.getLogger(ClusterNodeApplication.class);
  /** Never counted down: a blocked job waits until the process dies. */
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  private ClusterNodeApplication() {}

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(RaceToPlaceApplication.class);
    application.addInitializers(
        context -> {
          if (context.getEnvironment().getProperty(BLOCK_MAIL, Boolean.class, false)) {
            context.getBeanFactory().addBeanPostProcessor(blockedMail());
          }
        });
    application.run(args);
  }

  private static BeanPostProcessor blockedMail() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!"notifyCandidateDelegate".equals(beanName)) {
          return bean;
        }
        JavaDelegate blocked =
            execution -> {
              LOG.warn("Mail job of {} blocked on purpose (cluster test)", execution.getProcessBusinessKey());
              NEVER.await();
            };
        return blocked;
      }
    };
  }
}
