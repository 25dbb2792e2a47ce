package org.coopera.recommendations.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.coopera.recommendations.RegistryMaintenance;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.SampleText;
import org.coopera.recommendations.internal.SearchIndex;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The shipped OHCHR matrices read by the importer's own reader, and the search index's rebuild. */
@Component
class ShippedSamples implements RegistryMaintenance {

  private final SearchIndex index;

  ShippedSamples(SearchIndex index) {
    this.index = index;
  }

  @Override
  public List<SampleText> shippedSamples() {
    List<SampleText> samples = new ArrayList<>();
    ImportFiles files = new ImportFiles();
    for (Resource file : matrices()) {
      byte[] content;
      try (InputStream in = file.getInputStream()) {
        content = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (SourceRow row : files.read(file.getFilename(), content, null).rows()) {
        if (row.text() != null && !row.text().isBlank()) {
          samples.add(new SampleText(row.text().strip(), response(row.response())));
        }
      }
    }
    return List.copyOf(samples);
  }

  @Override
  public long rebuildSearchIndex() {
    return index.rebuild();
  }

  private static Resource[] matrices() {
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:demo/recommendations/*.docx");
      Arrays.sort(files, Comparator.comparing(Resource::getFilename));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response response(String written) {
    String value = written == null ? "" : written.toLowerCase(Locale.ROOT);
    if (value.contains("part")) {
      return Response.SUPPORTED_IN_PART;
    }
    if (value.contains("noted") || value.contains("not ")) {
      return Response.NOTED;
    }
    if (value.contains("support") || value.contains("accept")) {
      return Response.SUPPORTED;
    }
    return Response.PENDING;
  }
}
