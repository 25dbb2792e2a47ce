/**
 * Text in generated PDF files in every interface language: embedded font subsets chosen per script
 * (DejaVu Sans for Latin, Greek and Cyrillic, Noto Sans Arabic, Noto Sans SC), Arabic shaped and
 * right-to-left text put in visual order before PDFBox draws it, and an A4 page flow that mirrors
 * its layout for a right-to-left language. The implementation report and the fund report draw their
 * text through here.
 */
@org.springframework.modulith.NamedInterface("pdf")
package org.coopera.platform.pdf;
