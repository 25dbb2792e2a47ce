package org.coopera.platform.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds {@code detail}, a sentence in the visitor's language that a handler left on the request, to
 * what the error page shows. Exception messages are never shown.
 */
@Component
class ErrorDetail extends DefaultErrorAttributes {

  static final String ATTRIBUTE = ErrorDetail.class.getName() + ".detail";

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object detail = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (detail != null) {
      attributes.put("detail", detail);
    }
    return attributes;
  }
}
