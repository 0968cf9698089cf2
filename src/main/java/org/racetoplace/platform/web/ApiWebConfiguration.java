package org.racetoplace.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Servlet-level settings of our JSON API under {@code /api}. */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiWebConfiguration {

  /**
   * Request bodies on /api are capped ({@code hiring.api.max-request-size}, default 256KB): an
   * application with every list full is far below, and the cap keeps a single request from
   * tying up memory.
   */
  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimit(
      @Value("${hiring.api.max-request-size:256KB}") DataSize limit, ObjectMapper objectMapper) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit.toBytes(), objectMapper));
    registration.setName("api-request-size-limit");
    registration.addUrlPatterns("/api/*");
    // right after Spring Security, so the 413 carries the same security headers as any answer
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
