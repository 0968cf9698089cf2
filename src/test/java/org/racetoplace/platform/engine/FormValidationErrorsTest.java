package org.racetoplace.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

class FormValidationErrorsTest {

  private static CommandInterceptor throwing(RuntimeException thrown) {
    CommandInterceptor interceptor = new FormValidationErrors.UnwrappingInterceptor();
    interceptor.setNext(
        new CommandExecutor() {
          @Override
          public <T> T execute(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
            throw thrown;
          }
        });
    return interceptor;
  }

  @Test
  void aValidationErrorWrappedByTheEngineComesOutUnwrapped() {
    FormFieldValidationException validation =
        new FormFieldValidationException("vettingRationale", "vettingRationale: a rationale is required to decline");
    ProcessEngineException wrapped =
        new ProcessEngineException("ENGINE-03051 wrapper", new ProcessEngineException("inner", validation));

    assertThatThrownBy(() -> throwing(wrapped).execute(context -> null)).isSameAs(validation);
  }

  @Test
  void otherExceptionsPassUnchanged() {
    ProcessEngineException other = new ProcessEngineException("database down", new IllegalStateException("x"));

    assertThatThrownBy(() -> throwing(other).execute(context -> null)).isSameAs(other);
  }

  @Test
  void resultsPassThrough() {
    CommandInterceptor interceptor = new FormValidationErrors.UnwrappingInterceptor();
    interceptor.setNext(
        new CommandExecutor() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> T execute(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
            return (T) "done";
          }
        });
    assertThat(interceptor.<Object>execute(context -> "ignored")).isEqualTo("done");
  }
}
