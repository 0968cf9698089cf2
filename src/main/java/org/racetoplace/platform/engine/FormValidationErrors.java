package org.racetoplace.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets the form checks of our task listeners reach Tasklist and {@code /engine-rest} as what they
 * are: a 400 with the listener's message, not a 500.
 *
 * <p>Listeners such as {@code vettingReviews} check a submitted form on the server and throw
 * {@link FormFieldValidationException} when a field is wrong. The engine wraps every exception a
 * listener throws in a plain {@code ProcessEngineException} (ENGINE-03051), and Camunda's REST
 * resources answer 400 only for an unwrapped {@code FormFieldValidationException}; wrapped, the
 * same mistake became a 500. This interceptor sits outermost in the command chain (after the
 * transaction has rolled back) and rethrows the validation exception it finds in the causes.
 * Every other exception passes unchanged.
 */
@Component
public class FormValidationErrors extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new UnwrappingInterceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** The interceptor; package-visible for its test. */
  static class UnwrappingInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        FormFieldValidationException validation = validationCause(e);
        throw validation != null ? validation : e;
      }
    }

    private static FormFieldValidationException validationCause(Throwable thrown) {
      for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException validation) {
          return validation;
        }
        if (cause.getCause() == cause) {
          break;
        }
      }
      return null;
    }
  }
}
