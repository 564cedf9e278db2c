package io.compressor.pipeline;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.vips.Blob;
import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import java.util.Map;

/// Finds the format and reads the header only, then enforces the limits, so that a pixel bomb is
/// refused before a single pixel is decoded.
final class Probe {
    private final Limits limits;

    Probe(Limits limits) {
        this.limits = limits;
    }

    /// First of all, before the bytes are even copied to libvips.
    void checkSize(long size) {
        if (size > limits.maxInputBytes()) {
            throw new ServiceException(ErrorCode.FILE_TOO_LARGE, "The file is " + size + " bytes; the limit is "
                    + limits.maxInputBytes() + " bytes.");
        }
    }

    /// How many first bytes `sniff` needs to see.
    static final int SNIFF_BYTES = 4096;

    /// The format the first bytes of an input say it is (`Sniff`), or `unsupported_format`.
    static ImageFormat sniff(byte[] head) {
        return Sniff.format(head).orElseThrow(Probe::unsupported);
    }

    /// Reads the header only of `blob`, sniffed as `sniffed`.
    ImageInfo probe(Scope scope, Blob blob, ImageFormat sniffed) {
        String loader = Sniff.loader(sniffed);
        VImage header = scope.image(loader, Map.of("buffer", blob, "fail_on", "truncated"));
        ImageFormat format = heifFormat(sniffed, header);
        int frames = Math.max(1, header.intHeader("n-pages", 1));
        int bands = header.bands();
        String interpretation = String.valueOf(header.header("interpretation").orElse(""));
        boolean alpha = bands == 2 || bands == 5 || (bands == 4 && !"cmyk".equals(interpretation));
        String bandFormat = String.valueOf(header.header("format").orElse("uchar"));
        ImageInfo info = new ImageInfo(format, loader, header.width(), header.height(), frames, alpha,
                "cmyk".equals(interpretation), header.intHeader("orientation", 1), header.header("icc-profile-data").isPresent(),
                bandFormat.equals("ushort") ? 16 : bandFormat.equals("uchar") || bandFormat.equals("char") ? 8 : 32,
                Metadata.present(header));
        if (info.totalPixels() > limits.maxInputPixels()) {
            throw new ServiceException(ErrorCode.IMAGE_TOO_LARGE, "The image is " + info.width() + "x" + info.height()
                    + (frames > 1 ? " x " + frames + " frames" : "") + " = " + info.totalPixels()
                    + " pixels; the limit is " + limits.maxInputPixels() + " pixels.");
        }
        return info;
    }

    /// Refuses a plan whose output, or the scaled image it is cut from, is over the pixel limit (`frames` counted), before
    /// a pixel is decoded: a 6 KB PNG asked to grow to 16384×16384 took half a minute of CPU for a 268 MP JPEG.
    void checkPlan(Geometry plan, int frames) {
        long output = (long) plan.outputWidth() * plan.outputHeight() * frames;
        long scaled = (long) plan.scaledWidth() * plan.scaledHeight() * frames;
        if (Math.max(output, scaled) <= limits.maxInputPixels()) {
            return;
        }
        boolean cut = scaled > output;
        String what = cut ? "the scaled image to cut the output from" : "the output";
        String size = cut ? plan.scaledWidth() + "x" + plan.scaledHeight() : plan.outputWidth() + "x" + plan.outputHeight();
        throw new ServiceException(ErrorCode.IMAGE_TOO_LARGE, "image.resize: " + what + " would be " + size
                + (frames > 1 ? " x " + frames + " frames" : "") + " = " + Math.max(output, scaled) + " pixels; the limit is "
                + limits.maxInputPixels() + " pixels. Ask for a smaller size.");
    }

    /// Pixels an SVG that uses filter effects may render at: librsvg computes a filter over its whole region for every
    /// tile libvips asks for, so the cost grows faster than the pixels (2000×2000 of `feTurbulence` took 2 s of a core,
    /// 4000×4000 about 27 s), and a tile cannot be stopped half-way by the deadline.
    static final long SVG_FILTER_PIXELS = 4_000_000;

    /// Refuses an SVG that uses filters (`SvgText.usesFilters`) when it would render at more than `SVG_FILTER_PIXELS`.
    void checkSvgRender(Geometry plan, boolean filters) {
        long rendered = (long) plan.scaledWidth() * plan.scaledHeight();
        if (filters && rendered > SVG_FILTER_PIXELS) {
            throw new ServiceException(ErrorCode.IMAGE_TOO_LARGE, "image.resize: this SVG uses filter effects, which may"
                    + " render at most " + SVG_FILTER_PIXELS + " pixels; it would render at " + plan.scaledWidth() + "x"
                    + plan.scaledHeight() + " = " + rendered + " pixels. Ask for a smaller size.");
        }
    }

    /// The `ftyp` brands can mislead (`mif1` is either); the codec in the header decides.
    private static ImageFormat heifFormat(ImageFormat sniffed, VImage header) {
        if (sniffed != ImageFormat.AVIF && sniffed != ImageFormat.HEIC) {
            return sniffed;
        }
        return "av1".equals(header.header("heif-compression").orElse("")) ? ImageFormat.AVIF : ImageFormat.HEIC;
    }

    /// A format the service knows but none of its libvips builds reads.
    static ServiceException unreadable(ImageFormat format) {
        return new ServiceException(ErrorCode.UNSUPPORTED_FORMAT, "The file is " + format.name() + ", which this server's"
                + " libvips cannot read. Convert it to JPEG, PNG or WebP first.");
    }

    private static ServiceException unsupported() {
        return new ServiceException(ErrorCode.UNSUPPORTED_FORMAT, "The file is not an image in a supported format"
                + " (JPEG, PNG, WebP, AVIF, HEIC, GIF, TIFF, BMP, SVG, ICO).");
    }
}
