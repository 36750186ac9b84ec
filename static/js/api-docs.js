// The API's reference: Swagger UI, from our own static files, made from the OpenAPI
// schema whose address the page gives. Settings keep it to this host: no validator badge
// (it would load an image from another site) and no links out.

const container = document.getElementById("api-reference");

if (container && window.SwaggerUIBundle) {
  container.replaceChildren();
  window.SwaggerUIBundle({
    url: container.dataset.schemaUrl,
    domNode: container,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null,
    deepLinking: false,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: true,
    supportedSubmitMethods: ["get", "head"],
    syntaxHighlight: false,
  });
}
