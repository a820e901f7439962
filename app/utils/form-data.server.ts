/**
 * Reads a posted form. A body that is not a form (wrong Content-Type, broken multipart) is the
 * client's mistake: 400, never 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("Bad Request", { status: 400 });
  }
}
