package org.coopera.implementation.report;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the draft of a State's implementation report, a UPR mid-term report or a treaty body
 * follow-up report, as a Word document (for the State to edit) or as a PDF (to circulate). Both
 * hold the same parts: a title page, a summary with tables and a chart of the entries by status,
 * and a section per recommendation or cluster with its actions and indicators. Labels, dates and
 * amounts are in the report's language; the State's own texts are written as entered.
 */
@Component
public class ReportWriter {

  private final MessageSource messages;

  public ReportWriter(MessageSource messages) {
    this.messages = messages;
  }

  public byte[] docx(ReportContent content) {
    return new DocxRenderer().render(compose(content));
  }

  public byte[] pdf(ReportContent content) {
    return new PdfRenderer(labels(content)).render(compose(content));
  }

  private ReportDocument compose(ReportContent content) {
    return new ReportComposer(labels(content)).compose(content);
  }

  private ReportLabels labels(ReportContent content) {
    return new ReportLabels(messages, content.language());
  }
}
