package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class ApplicationRequestReaderTest {

  private final ApplicationRequestReader reader = new ApplicationRequestReader(new ObjectMapper());

  private ApplicationRequestReader.Result read(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyUnknownFieldIsNamedWithItsPath() {
    ApplicationRequestReader.Result result =
        read(
            """
            {"firstName":"Ada","nick":{"a":[1,2]},"skills":[{"name":"Java","level":3},
             {"name":"Go","level":2,"years":[4]}],"selfIdentification":{"age":40},"tags":["x"]}
            """);

    assertThat(result.request().firstName()).isEqualTo("Ada");
    assertThat(result.request().skills()).hasSize(2);
    assertThat(result.unknownFields())
        .extracting(FieldProblem::field)
        .containsExactly("nick", "skills[1].years", "selfIdentification.age", "tags");
  }

  @Test
  void aValueOfTheWrongTypeIsAFieldError() {
    assertThatThrownBy(() -> read("{\"skills\":[{\"name\":\"Java\",\"level\":\"three\"}]}"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getErrors()).extracting(FieldProblem::field).containsExactly("skills[0].level"));
    assertThatThrownBy(() -> read("{\"languages\":\"Java\"}"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getErrors()).extracting(FieldProblem::field).containsExactly("languages"));
  }

  @Test
  void anythingButOneJsonObjectIsMalformed() {
    for (String json : new String[] {"", "{", "[]", "null", "{} {}", "{\"a\":1,\"a\":2}", "42"}) {
      assertThatThrownBy(() -> read(json))
          .as(json)
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              e -> {
                assertThat(e).isNotInstanceOf(InvalidRequestException.class);
                assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
              });
    }
  }
}
