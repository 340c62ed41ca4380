declare module 'cytoscape-fcose' {
  const extension: (cy: unknown) => void;
  export default extension;
}
