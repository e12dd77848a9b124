import Language

/// The keyword arguments matplotlib's artists accept, so that a misspelt
/// one (`colr='r'`) fails as it does in matplotlib instead of vanishing.
enum ArtistProperties {
  /// Properties every artist has.
  static let artist: Set<String> = [
    "agg_filter", "alpha", "animated", "clip_box", "clip_on", "clip_path", "figure", "gid",
    "in_layout", "label", "mouseover", "path_effects", "picker", "rasterized",
    "sketch_params", "snap", "transform", "url", "visible", "zorder",
  ]

  /// A line's (`Line2D`) properties, with `plot`'s own keywords.
  static let line: Set<String> = artist.union([
    "aa", "antialiased", "c", "color", "dash_capstyle", "dash_joinstyle", "dashes", "data",
    "drawstyle", "ds", "fillstyle", "gapcolor", "linestyle", "ls", "linewidth", "lw", "marker",
    "markeredgecolor", "mec", "markeredgewidth", "mew", "markerfacecolor", "mfc",
    "markerfacecoloralt", "mfcalt", "markersize", "ms", "markevery", "pickradius",
    "solid_capstyle", "solid_joinstyle", "xdata", "ydata", "scalex", "scaley",
  ])

  /// A text's properties, with the label and title keywords.
  static let text: Set<String> = artist.union([
    "antialiased", "backgroundcolor", "bbox", "c", "color", "family", "fontfamily", "font",
    "fontproperties", "fontsize", "size", "fontstretch", "stretch", "fontstyle", "style",
    "fontvariant", "variant", "fontweight", "weight", "ha", "horizontalalignment", "va",
    "verticalalignment", "linespacing", "ma", "multialignment", "parse_math", "position",
    "rotation", "rotation_mode", "text", "usetex", "wrap", "x", "y", "math_fontfamily",
    "pad", "labelpad",
  ])

  /// A scatter's (`PathCollection`) properties, with `scatter`'s keywords.
  static let collection: Set<String> = artist.union([
    "aa", "antialiased", "antialiaseds", "array", "capstyle", "clim", "cmap", "color", "data",
    "dashes", "ec", "edgecolor", "edgecolors", "facecolor", "facecolors", "fc", "hatch",
    "joinstyle", "linestyle", "linestyles", "ls", "linewidth", "linewidths", "lw", "norm",
    "offset_transform", "offsets", "paths", "pickradius", "plotnonfinite", "sizes", "urls",
    "vmin", "vmax",
  ])

  /// A rectangle's (`Rectangle`) properties, with `bar`'s and `hist`'s
  /// own keywords.
  static let patch: Set<String> = artist.union([
    "aa", "angle", "antialiased", "capsize", "capstyle", "color", "data", "ec", "ecolor",
    "edgecolor", "error_kw", "facecolor", "fc", "fill", "hatch", "hatch_linewidth", "joinstyle",
    "linestyle", "log", "ls", "linewidth", "lw", "xerr", "yerr",
  ])

  /// An image's (`AxesImage`) properties, with `imshow`'s keywords.
  static let image: Set<String> = artist.union([
    "array", "clim", "data", "extent", "filternorm", "filterrad", "interpolation_stage",
    "origin", "resample",
  ])

  /// The keywords `legend` takes.
  static let legend: Set<String> = [
    "alignment", "bbox_to_anchor", "bbox_transform", "borderaxespad", "borderpad",
    "columnspacing", "draggable", "edgecolor", "facecolor", "fancybox", "fontsize",
    "framealpha", "frameon", "handleheight", "handlelength", "handler_map", "handles",
    "handletextpad", "labelcolor", "labels", "labelspacing", "loc", "markerfirst",
    "markerscale", "mode", "ncol", "ncols", "numpoints", "prop", "reverse", "scatterpoints",
    "scatteryoffsets", "shadow", "title", "title_fontproperties", "title_fontsize",
  ]

  /// The keywords a new figure takes, from `figure` or `subplots`.
  static let figure: Set<String> = artist.union([
    "clear", "constrained_layout", "dpi", "edgecolor", "facecolor", "FigureClass", "frameon",
    "gridspec_kw", "height_ratios", "layout", "linewidth", "subplot_kw", "subplotpars",
    "tight_layout", "width_ratios",
  ])

  /// Throws matplotlib's error for the first keyword in `bound` that
  /// `allowed` lacks: `Line2D.set() got an unexpected keyword argument`.
  static func check(_ bound: BoundArguments, _ allowed: Set<String>, artist: String) throws {
    guard let unknown = bound.extraKeywords.first(where: { !allowed.contains($0.name) }) else {
      return
    }
    throw PyError(
      .attributeError, "\(artist).set() got an unexpected keyword argument '\(unknown.name)'")
  }

  /// Throws the TypeError a constructor gives for a keyword it lacks.
  static func checkInit(_ bound: BoundArguments, _ allowed: Set<String>, type: String) throws {
    guard let unknown = bound.extraKeywords.first(where: { !allowed.contains($0.name) }) else {
      return
    }
    throw PyError.typeError(
      "\(type).__init__() got an unexpected keyword argument '\(unknown.name)'")
  }
}
