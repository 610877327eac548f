// DOM helpers shared by the widget and the console: element creation only; text always goes in
// through textContent, never innerHTML.

// Server strings pick table entries only through own keys ("constructor" is not a sender).
export function owns(table, key) {
  return typeof key === "string" && Object.prototype.hasOwnProperty.call(table, key);
}

// An element with the given attributes (null and undefined values are left out) and text.
export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach((name) => {
      const value = attrs[name];
      if (value !== null && value !== undefined) {
        node.setAttribute(name, String(value));
      }
    });
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

export function byId(id) {
  return document.getElementById(id);
}
