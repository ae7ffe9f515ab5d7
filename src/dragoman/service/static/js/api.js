// Talking to the service: JSON in, JSON out, and an error's own message when it fails.

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return body;
}

export async function getJSON(path, params) {
  const query = params ? `?${params.toString()}` : "";
  return answer(await fetch(path + query, { headers: { accept: "application/json" } }));
}

export async function postJSON(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  return answer(response);
}
